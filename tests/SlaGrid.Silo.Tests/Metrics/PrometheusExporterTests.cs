using System.Diagnostics.Metrics;
using SlaGrid.Silo.Metrics;
using static SlaGrid.Silo.Tests.Metrics.TestMeters;

namespace SlaGrid.Silo.Tests.Metrics;

public sealed class PrometheusExporterTests
{
    private readonly string _prefix = UniquePrefix();
    private readonly ListLogger<PrometheusExporter> _logger = new();

    [Fact]
    public void Counter_IsWrittenWithHelpTypeAndSummedSeries()
    {
        using var meter = Meter(_prefix);
        using var exporter = Exporter(_prefix, _logger);
        var counter = meter.CreateCounter<long>("slagrid_test_events_total", description: "Events ingested.");
        counter.Add(3, Tag("result", "accepted"));
        counter.Add(2, Tag("result", "accepted"));
        counter.Add(1, Tag("result", "rejected"));

        Assert.Equal(
            "# HELP slagrid_test_events_total Events ingested.\n" +
            "# TYPE slagrid_test_events_total counter\n" +
            "slagrid_test_events_total{result=\"accepted\"} 5\n" +
            "slagrid_test_events_total{result=\"rejected\"} 1\n",
            exporter.ScrapeText());
    }

    [Fact]
    public void CounterWithoutTotalSuffix_IsSkippedWithAWarning()
    {
        using var meter = Meter(_prefix);
        using var exporter = Exporter(_prefix, _logger);
        meter.CreateCounter<long>("slagrid_test_events").Add(1);
        meter.CreateCounter<long>("slagrid_test_ok_total").Add(1);

        var text = exporter.ScrapeText();

        Assert.DoesNotContain("slagrid_test_events ", text, StringComparison.Ordinal);
        Assert.Contains("slagrid_test_ok_total 1\n", text, StringComparison.Ordinal);
        Assert.Contains(_logger.Warnings, w => w.Contains("slagrid_test_events", StringComparison.Ordinal) && w.Contains("_total", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("slagrid-test-open")]
    [InlineData("9slagrid_open")]
    [InlineData("slagrid:test_open")]
    [InlineData("slagrid test open")]
    [InlineData("__slagrid_open")]
    [InlineData("slagrid_test_open_total")]
    public void InvalidGaugeName_IsSkippedWithAWarning(string name)
    {
        using var meter = Meter(_prefix);
        using var exporter = Exporter(_prefix, _logger);
        meter.CreateUpDownCounter<long>(name).Add(1);

        Assert.Equal(string.Empty, exporter.ScrapeText());
        Assert.Contains(_logger.Warnings, w => w.Contains(name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("slagrid_test_seconds_count")]
    [InlineData("slagrid_test_seconds_bucket")]
    [InlineData("slagrid_test_seconds_sum")]
    public void HistogramWithReservedSuffix_IsSkipped(string name)
    {
        using var meter = Meter(_prefix);
        using var exporter = Exporter(_prefix, _logger);
        meter.CreateHistogram<double>(name).Record(1);

        Assert.Equal(string.Empty, exporter.ScrapeText());
        Assert.Single(_logger.Warnings);
    }

    [Fact]
    public void LabelValuesAndHelp_AreEscaped()
    {
        using var meter = Meter(_prefix);
        using var exporter = Exporter(_prefix, _logger);
        var gauge = meter.CreateUpDownCounter<long>("slagrid_test_open", description: "Open \\ dossiers\nper unit.");
        gauge.Add(1, Tag("unit", "a\\b\"c\nd"));

        var text = exporter.ScrapeText();

        Assert.Contains("# HELP slagrid_test_open Open \\\\ dossiers\\nper unit.\n", text, StringComparison.Ordinal);
        Assert.Contains("slagrid_test_open{unit=\"a\\\\b\\\"c\\nd\"} 1\n", text, StringComparison.Ordinal);
        var sample = Assert.Single(Exposition.Parse(text)["slagrid_test_open"].Samples);
        Assert.Equal("a\\b\"c\nd", sample.Label("unit"));
    }

    [Fact]
    public void Labels_AreSorted_AndTagOrderDoesNotSplitASeries()
    {
        using var meter = Meter(_prefix);
        using var exporter = Exporter(_prefix, _logger);
        var counter = meter.CreateCounter<long>("slagrid_test_received_total");
        counter.Add(1, Tag("unit", "u1"), Tag("province", "Khánh Hòa"));
        counter.Add(2, Tag("province", "Khánh Hòa"), Tag("unit", "u1"));
        counter.Add(4, Tag("unit", "u2"), Tag("outcome", "late"), Tag("province", "Hà Nội"));

        var lines = exporter.ScrapeText().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToArray();

        Assert.Equal(
            [
                "slagrid_test_received_total{outcome=\"late\",province=\"Hà Nội\",unit=\"u2\"} 4",
                "slagrid_test_received_total{province=\"Khánh Hòa\",unit=\"u1\"} 3",
            ],
            lines);
    }

    [Fact]
    public void Histogram_WritesCumulativeBucketsInfSumAndCount()
    {
        using var meter = Meter(_prefix);
        using var exporter = Exporter(_prefix, _logger);
        var histogram = meter.CreateHistogram<double>("slagrid_test_lag_seconds", unit: "s", description: "Lag.", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5] });
        foreach (var value in new[] { 0.5, 1, 1.5, 3, 10 })
        {
            histogram.Record(value, Tag("grain", "dossier"));
        }

        Assert.Equal(
            "# HELP slagrid_test_lag_seconds Lag.\n" +
            "# TYPE slagrid_test_lag_seconds histogram\n" +
            "slagrid_test_lag_seconds_bucket{grain=\"dossier\",le=\"1\"} 2\n" +
            "slagrid_test_lag_seconds_bucket{grain=\"dossier\",le=\"2\"} 3\n" +
            "slagrid_test_lag_seconds_bucket{grain=\"dossier\",le=\"5\"} 4\n" +
            "slagrid_test_lag_seconds_bucket{grain=\"dossier\",le=\"+Inf\"} 5\n" +
            "slagrid_test_lag_seconds_sum{grain=\"dossier\"} 16\n" +
            "slagrid_test_lag_seconds_count{grain=\"dossier\"} 5\n",
            exporter.ScrapeText());
    }

    [Fact]
    public void HistogramWithoutMeasurements_IsWrittenEmpty_UntilItsFirstSeries()
    {
        using var meter = Meter(_prefix);
        using var exporter = Exporter(_prefix, _logger);
        var histogram = meter.CreateHistogram<double>("slagrid_test_lag_seconds", unit: "s", description: "Lag.", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5] });

        Assert.Equal(
            "# HELP slagrid_test_lag_seconds Lag.\n" +
            "# TYPE slagrid_test_lag_seconds histogram\n" +
            "slagrid_test_lag_seconds_bucket{le=\"1\"} 0\n" +
            "slagrid_test_lag_seconds_bucket{le=\"5\"} 0\n" +
            "slagrid_test_lag_seconds_bucket{le=\"+Inf\"} 0\n" +
            "slagrid_test_lag_seconds_sum 0\n" +
            "slagrid_test_lag_seconds_count 0\n",
            exporter.ScrapeText());

        histogram.Record(2, Tag("grain", "dossier"));

        var text = exporter.ScrapeText();
        Assert.Contains("slagrid_test_lag_seconds_count{grain=\"dossier\"} 1\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("slagrid_test_lag_seconds_count 0", text, StringComparison.Ordinal);
    }

    [Fact]
    public void HistogramWithoutAdvice_UsesTheDefaultSecondsBuckets()
    {
        using var meter = Meter(_prefix);
        using var exporter = Exporter(_prefix, _logger);
        var histogram = meter.CreateHistogram<double>("slagrid_test_ingest_seconds");
        histogram.Record(0.0007);
        histogram.Record(7);

        var samples = Exposition.Parse(exporter.ScrapeText())["slagrid_test_ingest_seconds"].Samples;
        var buckets = samples.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).ToList();

        Assert.Equal(
            ["0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"],
            buckets.Select(b => b.Label("le")));
        Assert.Equal([0d, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2], buckets.Select(b => b.Value));
        Assert.Equal(7.0007, samples.Single(s => s.Name.EndsWith("_sum", StringComparison.Ordinal)).Value, 9);
    }

    [Fact]
    public void HistogramLeTag_IsDroppedWithAWarning()
    {
        using var meter = Meter(_prefix);
        using var exporter = Exporter(_prefix, _logger);
        meter.CreateHistogram<double>("slagrid_test_ingest_seconds").Record(0.1, Tag("le", "oops"), Tag("result", "ok"));

        var text = exporter.ScrapeText();

        Assert.Contains("slagrid_test_ingest_seconds_bucket{result=\"ok\",le=\"0.1\"} 1\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("oops", text, StringComparison.Ordinal);
        Assert.Contains(_logger.Warnings, w => w.Contains("reserved", StringComparison.Ordinal));
        Exposition.Parse(text);
    }

    [Fact]
    public void InvalidTagKey_IsSanitizedWithAWarning()
    {
        using var meter = Meter(_prefix);
        using var exporter = Exporter(_prefix, _logger);
        meter.CreateCounter<long>("slagrid_test_received_total").Add(1, Tag("unit-id", "u1"), Tag("2nd", "x"));

        var text = exporter.ScrapeText();

        Assert.Contains("slagrid_test_received_total{tag_2nd=\"x\",unit_id=\"u1\"} 1\n", text, StringComparison.Ordinal);
        Assert.Single(_logger.Warnings);
    }

    [Fact]
    public void SameNameFromTwoMeters_IsOneUninterruptedGroup()
    {
        using var first = Meter(_prefix, "Grains");
        using var second = Meter(_prefix, "Ingest");
        using var exporter = Exporter(_prefix, _logger);
        first.CreateCounter<long>("slagrid_test_b_total", description: "B.").Add(1, Tag("k", "x"));
        first.CreateCounter<long>("slagrid_test_a_total", description: "A.").Add(1);
        first.CreateCounter<long>("slagrid_test_c_total", description: "C.").Add(1);
        second.CreateCounter<long>("slagrid_test_b_total", description: "B.").Add(2, Tag("k", "x"));
        second.CreateCounter<long>("slagrid_test_b_total", description: "B.").Add(5, Tag("k", "y"));

        var text = exporter.ScrapeText();
        var exposition = Exposition.Parse(text);

        Assert.Equal(["slagrid_test_a_total", "slagrid_test_b_total", "slagrid_test_c_total"], exposition.Families.Select(f => f.Name));
        Assert.Equal([3d, 5], exposition["slagrid_test_b_total"].Samples.Select(s => s.Value));
        Assert.Equal(1, CountOccurrences(text, "# TYPE slagrid_test_b_total"));
    }

    [Fact]
    public void SameNameWithAnotherKind_IsSkipped_AndTheFirstKept()
    {
        using var meter = Meter(_prefix);
        using var exporter = Exporter(_prefix, _logger);
        meter.CreateCounter<long>("slagrid_test_received_total").Add(2);
        meter.CreateObservableCounter("slagrid_test_received_total", () => 100L);

        var exposition = Exposition.Parse(exporter.ScrapeText());

        Assert.Equal(2, Assert.Single(exposition["slagrid_test_received_total"].Samples).Value);
        Assert.Contains(_logger.Warnings, w => w.Contains("already exported", StringComparison.Ordinal));
    }

    [Fact]
    public void GaugeKinds_AreWrittenAsGauges_WithTheirOwnAggregation()
    {
        using var meter = Meter(_prefix);
        using var exporter = Exporter(_prefix, _logger);
        var upDown = meter.CreateUpDownCounter<int>("slagrid_test_activations");
        upDown.Add(5);
        upDown.Add(-2);
        var gauge = meter.CreateGauge<double>("slagrid_test_last");
        gauge.Record(7);
        gauge.Record(4.5);
        meter.CreateObservableUpDownCounter("slagrid_test_queue", () => -3L);
        meter.CreateObservableGauge("slagrid_test_ratio", () => 0.25);

        var exposition = Exposition.Parse(exporter.ScrapeText());

        Assert.All(exposition.Families, f => Assert.Equal("gauge", f.Type));
        Assert.Equal(3, exposition["slagrid_test_activations"].Samples[0].Value);
        Assert.Equal(4.5, exposition["slagrid_test_last"].Samples[0].Value);
        Assert.Equal(-3, exposition["slagrid_test_queue"].Samples[0].Value);
        Assert.Equal(0.25, exposition["slagrid_test_ratio"].Samples[0].Value);
    }

    [Fact]
    public void ObservableCounter_ReportsTheObservedTotal()
    {
        using var meter = Meter(_prefix);
        using var exporter = Exporter(_prefix, _logger);
        var total = 10L;
        meter.CreateObservableCounter("slagrid_test_received_total", () => total);

        var first = exporter.ScrapeText();
        total = 15;
        var second = exporter.ScrapeText();

        Assert.Contains("# TYPE slagrid_test_received_total counter\n", first, StringComparison.Ordinal);
        Assert.EndsWith("slagrid_test_received_total 10\n", first, StringComparison.Ordinal);
        Assert.EndsWith("slagrid_test_received_total 15\n", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_AreInvariantWithInfAndNaN()
    {
        using var meter = Meter(_prefix);
        using var exporter = Exporter(_prefix, _logger);
        var gauge = meter.CreateGauge<double>("slagrid_test_value");
        var values = new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.1, 1e-7, 12345678.5, -2, 1e21 };
        for (var i = 0; i < values.Length; i++)
        {
            gauge.Record(values[i], Tag("i", i));
        }

        var samples = Exposition.Parse(exporter.ScrapeText())["slagrid_test_value"].Samples;

        Assert.Equal(["NaN", "+Inf", "-Inf", "0.1", "1E-07", "12345678.5", "-2", "1E+21"], samples.OrderBy(s => int.Parse(s.Label("i"))).Select(s => s.ValueText));
    }

    [Fact]
    public void ObservedSeries_ThatAreNoLongerReported_Disappear()
    {
        using var meter = Meter(_prefix);
        using var exporter = Exporter(_prefix, _logger);
        var units = new List<string> { "u1", "u2", "u3" };
        meter.CreateObservableGauge("slagrid_test_open", () => units.Select(u => new Measurement<long>(1, Tag("unit", u))));

        var before = Exposition.Parse(exporter.ScrapeText())["slagrid_test_open"].Samples.Select(s => s.Label("unit")).ToList();
        units.Remove("u2");
        units.Add("u4");
        var after = Exposition.Parse(exporter.ScrapeText())["slagrid_test_open"].Samples.Select(s => s.Label("unit")).ToList();

        Assert.Equal(["u1", "u2", "u3"], before);
        Assert.Equal(["u1", "u3", "u4"], after);
    }

    [Fact]
    public void FailingObservableCallback_LeavesTheRestOfTheScrape()
    {
        using var meter = Meter(_prefix);
        using var exporter = Exporter(_prefix, _logger);
        meter.CreateObservableGauge<long>("slagrid_test_broken", (Func<long>)(() => throw new InvalidOperationException("boom")));
        meter.CreateObservableGauge("slagrid_test_fine", () => 2L);
        meter.CreateCounter<long>("slagrid_test_events_total").Add(1);

        var exposition = Exposition.Parse(exporter.ScrapeText());

        Assert.Equal(["slagrid_test_events_total", "slagrid_test_fine"], exposition.Families.Select(f => f.Name));
        Assert.Contains(_logger.Warnings, w => w.Contains("callback failed", StringComparison.Ordinal));
    }

    [Fact]
    public void InstrumentWithoutMeasurements_IsNotWritten_AndOneWithoutDescriptionGetsAHelp()
    {
        using var meter = Meter(_prefix);
        using var exporter = Exporter(_prefix, _logger);
        meter.CreateCounter<long>("slagrid_test_silent_total");
        meter.CreateCounter<long>("slagrid_test_plain_total").Add(1);

        var exposition = Exposition.Parse(exporter.ScrapeText());

        var family = Assert.Single(exposition.Families);
        Assert.Equal("slagrid_test_plain_total", family.Name);
        Assert.False(string.IsNullOrWhiteSpace(family.Help));
    }

    [Fact]
    public void NegativeCounterDelta_IsIgnored()
    {
        using var meter = Meter(_prefix);
        using var exporter = Exporter(_prefix, _logger);
        var counter = meter.CreateCounter<double>("slagrid_test_events_total");
        counter.Add(2);
        counter.Add(-5);
        counter.Add(double.NaN);

        Assert.EndsWith("slagrid_test_events_total 2\n", exporter.ScrapeText(), StringComparison.Ordinal);
    }

    [Fact]
    public void DisposedMeter_TakesItsMetricsAway()
    {
        var meter = Meter(_prefix);
        using var exporter = Exporter(_prefix, _logger);
        meter.CreateCounter<long>("slagrid_test_events_total").Add(1);
        Assert.Equal(["slagrid_test_events_total"], exporter.MetricNames);

        meter.Dispose();

        Assert.Empty(exporter.MetricNames);
        Assert.Equal(string.Empty, exporter.ScrapeText());
    }

    [Fact]
    public void MetersOutsideTheFilter_AreIgnored()
    {
        var other = UniquePrefix();
        using var mine = Meter(_prefix);
        using var theirs = Meter(other);
        using var exporter = Exporter(_prefix, _logger);
        mine.CreateCounter<long>("slagrid_test_mine_total").Add(1);
        theirs.CreateCounter<long>("slagrid_test_theirs_total").Add(1);

        Assert.Equal(["slagrid_test_mine_total"], exporter.MetricNames);
    }

    [Fact]
    public void DefaultFilter_TakesMetersByPrefix()
    {
        using var mine = Meter(_prefix, "Grains");
        using var exporter = new PrometheusExporter(new MetricsOptions { MeterPrefix = _prefix }, _logger);
        using var theirs = new Meter("Other" + _prefix);
        mine.CreateCounter<long>("slagrid_test_mine_total").Add(1);
        theirs.CreateCounter<long>("slagrid_test_theirs_total").Add(1);

        Assert.Equal(["slagrid_test_mine_total"], exporter.MetricNames);
    }

    [Fact]
    public void SeriesLimit_DropsNewSeriesWithOneWarning()
    {
        using var meter = Meter(_prefix);
        using var exporter = Exporter(_prefix, _logger, new MetricsOptions { MaxSeriesPerMetric = 2 });
        var counter = meter.CreateCounter<long>("slagrid_test_events_total");
        for (var i = 0; i < 5; i++)
        {
            counter.Add(1, Tag("id", i));
        }

        counter.Add(1, Tag("id", 0));

        var samples = Exposition.Parse(exporter.ScrapeText())["slagrid_test_events_total"].Samples;
        Assert.Equal([2d, 1], samples.Select(s => s.Value));
        Assert.Single(_logger.Warnings, w => w.Contains("series", StringComparison.Ordinal));
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
