using Microsoft.Extensions.Hosting;
using SlaGrid.Runtime.Core;
using SlaGrid.Runtime.Deadlines;

namespace SlaGrid.Runtime.Hosting;

/// <summary>Starts the runtime's timers and the deadline service with the host, and stops them (deactivating every grain) with it.</summary>
internal sealed class GrainRuntimeHostedService(GrainRuntime runtime, DeadlineService deadlines) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        runtime.Start();
        deadlines.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await deadlines.StopAsync(cancellationToken);
        await runtime.StopAsync(cancellationToken);
    }
}
