using static SlaGrid.Silo.Tests.Metrics.TestMeters;

namespace SlaGrid.Silo.Tests.Metrics;

public sealed class ExporterConcurrencyTests
{
    [Fact]
    public async Task ConcurrentRecordingAndScrapes_LoseNothing_AndEveryScrapeIsConsistent()
    {
        var prefix = UniquePrefix();
        using var meter = Meter(prefix);
        using var exporter = Exporter(prefix);
        var counter = meter.CreateCounter<long>("slagrid_test_events_total");
        var histogram = meter.CreateHistogram<double>("slagrid_test_ingest_seconds");
        var upDown = meter.CreateUpDownCounter<double>("slagrid_test_activations");
        const int Writers = 4;
        const int PerWriter = 20_000;
        var inconsistencies = new List<string>();
        using var stop = new CancellationTokenSource();

        var scraper = Task.Run(() =>
        {
            var scrapes = 0;
            while (!stop.IsCancellationRequested || scrapes < 3)
            {
                var exposition = Exposition.Parse(exporter.ScrapeText());
                scrapes++;
                if (!exposition.Has("slagrid_test_ingest_seconds"))
                {
                    continue;
                }

                foreach (var group in exposition["slagrid_test_ingest_seconds"].Samples.GroupBy(s => s.Label("result")))
                {
                    var buckets = group.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).Select(s => s.Value).ToList();
                    var count = group.Single(s => s.Name.EndsWith("_count", StringComparison.Ordinal)).Value;
                    if (!buckets.SequenceEqual(buckets.Order()) || buckets[^1] != count)
                    {
                        lock (inconsistencies)
                        {
                            inconsistencies.Add($"buckets {string.Join(',', buckets)} with count {count}");
                        }
                    }
                }
            }
        });

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                var result = (i % 3) switch { 0 => "accepted", 1 => "duplicate", _ => "rejected" };
                counter.Add(1, Tag("result", result));
                histogram.Record(i % 7 * 0.003, Tag("result", result));
                upDown.Add(i % 2 == 0 ? 0.5 : -0.25);
            }
        })).ToArray();
        await Task.WhenAll(writers);
        await stop.CancelAsync();
        await scraper;

        var final = Exposition.Parse(exporter.ScrapeText());
        Assert.Empty(inconsistencies);
        Assert.Equal(Writers * PerWriter, final["slagrid_test_events_total"].Samples.Sum(s => s.Value));
        Assert.Equal(Writers * PerWriter, final["slagrid_test_ingest_seconds"].Samples.Where(s => s.Name.EndsWith("_count", StringComparison.Ordinal)).Sum(s => s.Value));
        Assert.Equal(Writers * PerWriter / 2 * 0.25, Assert.Single(final["slagrid_test_activations"].Samples).Value, 6);
    }
}
