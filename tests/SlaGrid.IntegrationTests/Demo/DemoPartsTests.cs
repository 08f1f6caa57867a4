using SlaGrid.Grains.Calendar;
using SlaGrid.Silo.Demo;

namespace SlaGrid.IntegrationTests.Demo;

/// <summary>The demo's small pieces: where it talks to the silo, what it prints, when its history starts.</summary>
public sealed class DemoPartsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://[::]:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://0.0.0.0:6000", "http://127.0.0.1:6000/")]
    [InlineData("http://+:7000", "http://127.0.0.1:7000/")]
    [InlineData("http://localhost:7001", "http://127.0.0.1:7001/")]
    public void Address_IsTheListeningHttpAddress_OnLoopback(string listening, string expected) =>
        Assert.Equal(new Uri(expected), DemoAddress.Pick([listening]));

    [Fact]
    public void Address_PrefersHttp_AndIsNullWithoutOne()
    {
        Assert.Equal(new Uri("http://127.0.0.1:81/"), DemoAddress.Pick(["https://127.0.0.1:443", "http://127.0.0.1:81"]));
        Assert.Null(DemoAddress.Pick(["unix:/tmp/slagrid.sock"]));
        Assert.Null(DemoAddress.Pick(null));
    }

    [Fact]
    public void Banner_SaysWhereToLook_AndShowsOnlyAGeneratedKey()
    {
        var province = DemoProvince.Build(42, 12);
        var options = new DemoOptions { Enabled = true, Speed = 600, Communes = 12 };
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));
        var generated = DemoBanner.Format(new Uri("http://127.0.0.1:5080/"), province, options, "demo-secret-key-0123456789abcdef", now);
        Assert.Contains("http://127.0.0.1:5080/\n", generated.Replace("\r", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:5080/metrics", generated, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:5080/api/v1/", generated, StringComparison.Ordinal);
        Assert.Contains("demo-secret-key-0123456789abcdef", generated, StringComparison.Ordinal);
        Assert.Contains("12 communes", generated, StringComparison.Ordinal);
        Assert.Contains("10 simulated minutes", generated, StringComparison.Ordinal);

        var configured = DemoBanner.Format(new Uri("http://127.0.0.1:5080/"), province, options, null, now);
        Assert.Contains("SLAGRID_ADMIN_KEY", configured, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-secret", configured, StringComparison.Ordinal);
    }

    [Fact]
    public void History_StartsAtSevenOnTheWorkingDayNDaysBefore_SkippingWeekendsAndHolidays()
    {
        var monday = new DateTimeOffset(2026, 2, 23, 10, 0, 0, TimeSpan.FromHours(7)); // first working day after Tết 2026
        Assert.Equal(new DateTimeOffset(2026, 2, 12, 7, 0, 0, TimeSpan.FromHours(7)), DemoFeeder.HistoryStart(monday, 2, WorkingCalendar.Default));
        Assert.Equal(monday, DemoFeeder.HistoryStart(monday, 0, WorkingCalendar.Default));
    }

    [Fact]
    public void RunTag_NamesTheStartInVietnamTime()
    {
        Assert.Equal("KHD-260302-090507", DemoFeeder.RunTag(new DateTimeOffset(2026, 3, 2, 2, 5, 7, TimeSpan.Zero)));
    }
}
