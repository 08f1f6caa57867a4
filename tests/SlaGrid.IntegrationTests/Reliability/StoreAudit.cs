using System.Net;
using System.Net.Http.Json;
using SlaGrid.Client;
using SlaGrid.Client.Contracts;
using SlaGrid.Grains.Persistence;
using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Reliability;

/// <summary>
/// Checks a load's outcome against the store itself (a storage instance of the test's own over the silo's database)
/// and against the silo's answers: what was acknowledged is stored once, state agrees with the log, live counts
/// equal a recount, and a resend of everything is harmless.
/// </summary>
internal static class StoreAudit
{
    private static readonly TimeSpan StatsPatience = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Every acknowledged event (and every id in <paramref name="mustHave"/>) is in the log under its dossier; the
    /// log holds nothing that was not sent; each dossier's stored version equals the number of its events in the log
    /// (each event took effect exactly once, none was lost between log and state). Returns how many events the log holds.
    /// </summary>
    public static async Task<int> AssertStoreHoldsAcknowledgedOnceAsync(ISlaGridStorage storage, LoadGenerator load, IReadOnlySet<string>? mustHave = null)
    {
        var found = await storage.Dossiers.FindEventsAsync(load.Sent.Keys.ToList(), CancellationToken.None);

        var acknowledged = load.Answers.Where(a => a.Value.IsAcknowledged).Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var missing = acknowledged.Where(id => !found.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} acknowledged events are not in the store, e.g. {string.Join(", ", missing.Take(5))}");
        if (mustHave is not null)
        {
            var lost = mustHave.Where(id => !found.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
            Assert.True(lost.Count == 0, $"{lost.Count} events acknowledged before the failure were lost, e.g. {string.Join(", ", lost.Take(5))}");
        }

        var misplaced = found.Where(f => f.Value != load.Sent[f.Key].DossierId).Select(f => f.Key).ToList();
        Assert.True(misplaced.Count == 0, $"Events stored under another dossier: {string.Join(", ", misplaced.Take(5))}");

        var total = await storage.Dossiers.CountEventsAsync(CancellationToken.None);
        Assert.Equal(found.Count, total);

        var eventsPerDossier = found.GroupBy(f => f.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var dossier in storage.Dossiers.StreamDossiersAsync(openOnly: false, CancellationToken.None))
        {
            versions[dossier.Id] = dossier.Version;
        }

        Assert.Equal(eventsPerDossier.Keys.Order(StringComparer.Ordinal), versions.Keys.Order(StringComparer.Ordinal));
        var disagreeing = versions.Where(v => v.Value != eventsPerDossier[v.Key]).Select(v => $"{v.Key}: version {v.Value}, {eventsPerDossier[v.Key]} events").ToList();
        Assert.True(disagreeing.Count == 0, $"Dossier state disagrees with the log: {string.Join("; ", disagreeing.Take(5))}");
        return found.Count;
    }

    /// <summary>The silo's unit and officer stats equal a recount from the store (waits for rollups to settle).</summary>
    public static async Task AssertStatsMatchRecountAsync(SlaGridClient client, ISlaGridStorage storage)
    {
        var subjects = new List<(string What, Func<Task<DossierCounts>> Live, DossierCountQuery Query)>
        {
            ("unit " + ReliabilityGrid.Nation, () => UnitAsync(client, ReliabilityGrid.Nation), Query(null, null)),
        };
        subjects.AddRange(ReliabilityGrid.Communes.Select(c => ("unit " + c, (Func<Task<DossierCounts>>)(() => UnitAsync(client, c)), Query([c], null))));
        subjects.AddRange(ReliabilityGrid.Officers.Select(o => ("officer " + o, (Func<Task<DossierCounts>>)(() => OfficerAsync(client, o)), Query(null, o))));

        foreach (var (what, live, query) in subjects)
        {
            DossierCounts? last = null;
            DossierCounts? recount = null;
            try
            {
                await Eventually.WaitAsync(
                    async () =>
                    {
                        recount = await storage.Dossiers.CountAsync(query with { Now = DateTimeOffset.UtcNow }, CancellationToken.None);
                        last = await live();
                        return last == recount;
                    },
                    StatsPatience,
                    $"the stats of {what} to equal the store's recount");
            }
            catch (TimeoutException)
            {
                // Fall through to the assertion, which shows both sides.
            }

            Assert.Equal(recount, last);
        }
    }

    /// <summary>
    /// Resends every event the load ever sent (each dossier's in order, in batches) and checks the answers: an
    /// acknowledged event is always <c>duplicate</c>; any other is accepted or duplicate. Returns how many were accepted now.
    /// </summary>
    public static async Task<int> ResendEverythingAsync(HttpClient http, LoadGenerator load)
    {
        var events = load.Sent.Values
            .OrderBy(e => e.DossierId, StringComparer.Ordinal)
            .ThenBy(e => e.Type == EventTypes.Received ? 0 : 1)
            .ToList();
        var accepted = 0;
        var wrong = new List<string>();
        foreach (var chunk in events.Chunk(500))
        {
            using var response = await http.PostAsJsonAsync(new Uri("api/v1/events", UriKind.Relative), chunk, SlaGridJson.Options);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"The resend answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            var body = await response.Content.ReadFromJsonAsync<IngestResponse>(SlaGridJson.Options);
            Assert.Equal(chunk.Length, body!.Results.Count);
            foreach (var result in body.Results)
            {
                var acknowledged = load.Answers.TryGetValue(result.EventId, out var answer) && answer.IsAcknowledged;
                if (result.Status == IngestStatuses.Accepted && !acknowledged)
                {
                    accepted++;
                }
                else if (result.Status != IngestStatuses.Duplicate)
                {
                    wrong.Add($"{result.EventId}: {result.Status} {result.Error?.Code} (first answer: {answer?.Status})");
                }
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} resent events were not answered as expected: {string.Join("; ", wrong.Take(5))}");
        return accepted;
    }

    private static DossierCountQuery Query(IReadOnlyCollection<string>? units, string? officer) =>
        new(DateTimeOffset.UtcNow, units, officer, null, null);

    private static async Task<DossierCounts> UnitAsync(SlaGridClient client, string unitId)
    {
        var s = await client.GetUnitStatsAsync(unitId);
        return new DossierCounts(s.Received, s.Open, s.Overdue, s.DueSoon, s.Paused, s.FinishedEarly, s.FinishedOnTime, s.FinishedLate);
    }

    private static async Task<DossierCounts> OfficerAsync(SlaGridClient client, string officerId)
    {
        var s = await client.GetOfficerStatsAsync(officerId);
        return new DossierCounts(s.Received, s.Open, s.Overdue, s.DueSoon, s.Paused, s.FinishedEarly, s.FinishedOnTime, s.FinishedLate);
    }
}
