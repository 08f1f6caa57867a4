using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Api;

/// <summary>Ordinary traffic, bad input included, leaves the silo's log without warnings or errors.</summary>
public sealed class SiloLogTests(LoggedSilo api) : IClassFixture<LoggedSilo>
{
    [PostgresFact]
    public async Task LateDossiersOfAnOfficerTheGridDoesNotKnow_LogNoFailure_AndRaiseNoAlert()
    {
        await api.Http.AcceptAsync(
            Ev.Received("lg-1", "LG-D1", Ev.T(3, 2, 9), officerId: "LG-GHOST"),
            Ev.Of("lg-2", "LG-D1", "processed", Ev.T(3, 20, 9)),
            Ev.Received("lg-3", "LG-D2", Ev.T(3, 2, 9), officerId: "LG-GHOST"));
        Assert.True((bool)(await api.Http.GetJsonAsync("api/v1/officers/LG-GHOST/stats"))["flagged"]!);

        Assert.DoesNotContain((await api.Http.GetJsonAsync("api/v1/alerts?kind=officer_late_ratio")).AsArray(), a => (string?)a!["officerId"] == "LG-GHOST");
        Assert.DoesNotContain(api.Warnings.Entries, e => e.Category.Contains("Grain", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task RejectedAndMalformedInput_LogsNoErrors()
    {
        await api.Http.IngestAsync(
            Ev.Of("lg-x1", "LG-NEVER", "processed", Ev.T(3, 2, 9)),
            Ev.Received("lg-x2", "LG-X", Ev.T(3, 2, 9), unitId: "NO-SUCH-UNIT"),
            Ev.Received("lg-x3", "LG-X", Ev.T(3, 2, 9)).With("note", "a\0b"));
        using var malformed = await api.Http.SendJsonAsync(HttpMethod.Post, "api/v1/events", "[{");
        Assert.DoesNotContain(api.Warnings.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }
}
