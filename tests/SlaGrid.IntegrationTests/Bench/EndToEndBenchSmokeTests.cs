using System.Buffers.Binary;
using System.Text.RegularExpressions;
using SlaGrid.Bench.EndToEnd;
using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Bench;

/// <summary>
/// The end-to-end benchmark harness works: its smoke profile runs every phase against a real PostgreSQL and a silo
/// process, and writes its report and chart. Nothing here is about speed; only that the harness measures something
/// and that the system did what the harness proves (every deadline fired, including those due while the silo was down).
/// </summary>
public sealed partial class EndToEndBenchSmokeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [PostgresFact]
    public async Task SmokeProfile_RunsEveryPhase_AndWritesItsReportAndChart()
    {
        var directory = Directory.CreateTempSubdirectory("slagrid-bench-smoke").FullName;
        try
        {
            var output = Path.Combine(directory, "benchmarks-e2e.md");
            await File.WriteAllTextAsync(output, "# Hand-written intro\n\nKept across runs.\n");
            using var log = new StringWriter();

            var exit = await BenchCommand.RunAsync(
                ["--profile", "smoke", "--pg", database.ConnectionString, "--use-database-as-is", "--out", output, "--silo", Path.Combine(AppContext.BaseDirectory, "SlaGrid.Silo.dll")],
                log,
                CancellationToken.None);

            Assert.True(exit == 0, "The harness failed:\n" + log);
            var report = await File.ReadAllTextAsync(output);
            Assert.StartsWith("# Hand-written intro", report, StringComparison.Ordinal);
            Assert.Contains(ReportWriter.Begin, report, StringComparison.Ordinal);
            Assert.Contains(ReportWriter.End, report, StringComparison.Ordinal);

            // Every measurement produced a figure (whatever its value).
            Assert.Matches(DurableIngestionRow(), report);
            Assert.Matches(PlainCopyRow(), report);
            Assert.Matches(IncumbentRow(), report);
            Assert.Matches(EventToNationRow(), report);
            Assert.Matches(RestartRow(), report);

            // What the system must have done: every probe dossier's deadline fired, those due while the silo was down too.
            var restart = RestartProof().Match(report);
            Assert.True(restart.Success, "No restart proof in the report:\n" + report);
            Assert.Equal(restart.Groups["probes"].Value, restart.Groups["fired"].Value);
            foreach (Match row in DeadlineRow().Matches(report))
            {
                Assert.Equal(row.Groups["probes"].Value, row.Groups["fired"].Value);
            }

            var png = await File.ReadAllBytesAsync(Path.Combine(directory, "benchmarks-e2e-smoke-latency.png"));
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
            Assert.True(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)) > 0, "The PNG has no width.");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [GeneratedRegex(@"\| durable ingestion, events/s \| [\d,]+ \|")]
    private static partial Regex DurableIngestionRow();

    [GeneratedRegex(@"\| baseline: plain binary COPY[^|]*\| [\d,]+ \|")]
    private static partial Regex PlainCopyRow();

    [GeneratedRegex(@"\| \+ partial covering index[^|]*\| `[^`]+` \| [\d,]+ \| [\d.]+ m?s \|")]
    private static partial Regex IncumbentRow();

    [GeneratedRegex(@"\| event → nation p99 ≤ 100 ms at [\d,]+ events/s \| p99 [\d.]+ m?s")]
    private static partial Regex EventToNationRow();

    [GeneratedRegex(@"\| restart → ready ≤ 15 s \(with the dataset\) \| [\d.]+ s")]
    private static partial Regex RestartRow();

    [GeneratedRegex(@"Deadlines that passed while it was down: (?<fired>\d+) of (?<probes>\d+) fired")]
    private static partial Regex RestartProof();

    [GeneratedRegex(@"^\| (?:spread|burst|due while)[^|]*\| (?<probes>[\d,]+) \| (?<fired>[\d,]+) \|", RegexOptions.Multiline)]
    private static partial Regex DeadlineRow();
}
