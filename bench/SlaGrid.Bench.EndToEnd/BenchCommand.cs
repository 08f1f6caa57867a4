namespace SlaGrid.Bench.EndToEnd;

/// <summary>The harness's entry point, callable in-process (the CI smoke test does).</summary>
public static class BenchCommand
{
    /// <summary>Runs the benchmark; returns 0 on success, 2 on a usage error, 1 on a failure.</summary>
    /// <param name="args">The command line (<see cref="BenchOptions.Usage"/>).</param>
    /// <param name="log">Where progress goes.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await log.WriteLineAsync(e.Message);
            return 2;
        }

        try
        {
            var report = await new BenchRunner(options, log, TimeProvider.System).RunAsync(cancellationToken);
            foreach (var t in ReportWriter.Targets(report))
            {
                await log.WriteLineAsync($"[bench] {(t.Met switch { true => "MET   ", false => "MISSED", _ => "n/a   " })} {t.Target}: {t.Measured} ({t.Margin})");
            }

            if (options.OutputPath is { } path)
            {
                var png = await ReportWriter.WriteAsync(report, path, cancellationToken);
                await log.WriteLineAsync($"[bench] wrote {path} and {png}");
            }

            return 0;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await log.WriteLineAsync($"[bench] failed: {e}");
            return 1;
        }
    }
}
