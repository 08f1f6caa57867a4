using System.Runtime.InteropServices;
using SlaGrid.Bench.EndToEnd;

// Ctrl+C and SIGTERM cancel the run, so that the silo is killed and a throwaway cluster stopped on the way out.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancel.Cancel();
});

return await BenchCommand.RunAsync(args, Console.Error, cancel.Token);
