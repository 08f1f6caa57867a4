using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using SlaGrid.Testing.Prometheus;
using Xunit.Abstractions;

namespace SlaGrid.Silo.Tests.Metrics;

/// <summary>
/// The per-unit metrics at the country's size: 3,321 communes in 34 provinces, 4 per-unit gauges and 2 per-unit
/// counters (one with 3 outcomes). Asserts that every series is exported; reports (never asserts) the scrape cost
/// as a ratio to a baseline measured in the same run: a bare <see cref="MeterListener"/> that only polls the same
/// callbacks, i.e. what the grains' callbacks cost with no exporter at all. The figures are in docs/observability.md.
/// </summary>
public sealed class NationalScaleScrapeTests(ITestOutputHelper output)
{
    private const int Communes = 3321;
    private const int Provinces = 34;

    [Fact]
    public void Scrape_AtNationalScale_ExportsEverySeries_AndReportsItsCost()
    {
        var prefix = TestMeters.UniquePrefix();
        using var exporter = TestMeters.Exporter(prefix);
        using var contract = new ContractMetrics(prefix, Provinces, Communes);
        using var baseline = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name.StartsWith(prefix, StringComparison.Ordinal) && instrument.IsObservable)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        long observed = 0;
        baseline.SetMeasurementEventCallback<long>((_, _, _, _) => observed++);
        baseline.Start();

        var exposition = Exposition.Parse(exporter.ScrapeText());
        foreach (var gauge in ContractMetrics.PerUnitGauges)
        {
            Assert.Equal(Communes, exposition[gauge].Samples.Count);
        }

        Assert.Equal(Communes, exposition["slagrid_dossiers_received_total"].Samples.Count);
        Assert.Equal(Communes * 3, exposition["slagrid_dossiers_finished_total"].Samples.Count);
        Assert.Equal(Provinces, exposition["slagrid_dossiers_open"].Samples.Select(s => s.Label("province")).Distinct().Count());

        var buffer = new ArrayBufferWriter<byte>(4 << 20);
        var baselineTimes = Measure(() => baseline.RecordObservableInstruments());
        var scrapeTimes = Measure(() =>
        {
            buffer.ResetWrittenCount();
            exporter.WriteTo(buffer);
        });
        var before = GC.GetAllocatedBytesForCurrentThread();
        baseline.RecordObservableInstruments();
        var baselineAllocated = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        buffer.ResetWrittenCount();
        exporter.WriteTo(buffer);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var series = exposition.Families.Sum(f => f.Samples.Count);
        output.WriteLine($"{series} samples, {buffer.WrittenCount / 1024.0 / 1024.0:F2} MiB per scrape, {observed} measurements polled by the baseline");
        output.WriteLine($"baseline (callbacks only): wall median {Median(baselineTimes.Wall):F2} ms, CPU {baselineTimes.CpuMs:F2} ms");
        output.WriteLine($"exporter scrape:           wall median {Median(scrapeTimes.Wall):F2} ms (p90 {Percentile(scrapeTimes.Wall, 0.9):F2}), CPU {scrapeTimes.CpuMs:F2} ms");
        output.WriteLine($"ratio scrape/baseline:     wall {Median(scrapeTimes.Wall) / Median(baselineTimes.Wall):F2}, CPU {scrapeTimes.CpuMs / baselineTimes.CpuMs:F2}");
        output.WriteLine($"allocated per scrape: {allocated / 1024.0:F0} KiB, of which the callbacks alone (baseline): {baselineAllocated / 1024.0:F0} KiB");
        Assert.True(buffer.WrittenCount > 0);
    }

    // Warmed up past tiered compilation (methods are rejitted after 30 calls). Wall time per run, and the process' CPU time per run over all runs (steadier than wall time on a shared box).
    private static (List<double> Wall, double CpuMs) Measure(Action action)
    {
        const int Runs = 60;
        for (var i = 0; i < 60; i++)
        {
            action();
        }

        var times = new List<double>();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        for (var i = 0; i < Runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        process.Refresh();
        return (times, (process.TotalProcessorTime - cpu).TotalMilliseconds / Runs);
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];
    }
}
