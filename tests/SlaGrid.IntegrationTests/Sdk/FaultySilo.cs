using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SlaGrid.IntegrationTests.Api;

namespace SlaGrid.IntegrationTests.Sdk;

/// <summary>The seeded silo with <see cref="FailAfterCommit"/> in front of its pipeline.</summary>
public sealed class FaultySilo : ApiSilo
{
    /// <summary>The fault injector (set <see cref="FailAfterCommit.Failures"/> before a test).</summary>
    public FailAfterCommit Faults { get; } = new();

    /// <inheritdoc />
    protected override Action<IServiceCollection>? Services => services => services.AddSingleton<IStartupFilter>(Faults);
}
