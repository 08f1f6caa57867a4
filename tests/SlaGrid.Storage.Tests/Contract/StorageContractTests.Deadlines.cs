using SlaGrid.Runtime.Storage;
using SlaGrid.Storage.Tests.Support;

namespace SlaGrid.Storage.Tests.Contract;

public abstract partial class StorageContractTests<TBackend>
{
    [BackendFact]
    public async Task Deadlines_PageByKeysetInDueThenKeyOrder_StrictlyBeforeUntil()
    {
        // Ties on due time, keys whose byte order differs from insertion order and from a natural-language collation.
        string[] keys = ["b", "a", "B", "a1", "A", "Đ1", "Z"];
        var entries = new List<DeadlineEntry>();
        for (var t = 0; t < 4; t++)
        {
            foreach (var key in keys.Select(k => k + "-" + (3 - t)))
            {
                entries.Add(new DeadlineEntry("dossier", key, "due", T0.AddMinutes(t)));
                entries.Add(new DeadlineEntry("dossier", key, "due_soon", T0.AddMinutes(t)));
                entries.Add(new DeadlineEntry("Unit", key, "due", T0.AddMinutes(t)));
            }
        }

        foreach (var entry in Shuffled(entries))
        {
            await Storage.Deadlines.UpsertAsync(entry, Ct);
        }

        Assert.Equal(entries.Count, await Storage.Deadlines.CountAsync(Ct));

        var until = T0.AddMinutes(3);
        var expected = entries
            .Where(e => e.DueAt < until)
            .OrderBy(e => e.DueAt)
            .ThenBy(e => e.GrainType, StringComparer.Ordinal)
            .ThenBy(e => e.GrainKey, StringComparer.Ordinal)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        var pages = 0;
        var collected = new List<DeadlineEntry>();
        DeadlineEntry? after = null;
        while (true)
        {
            var page = await Storage.Deadlines.GetDueBeforeAsync(until, after, 7, Ct);
            pages++;
            collected.AddRange(page);
            if (page.Count < 7)
            {
                break;
            }

            after = page[^1];
        }

        Assert.Equal(expected, collected);
        Assert.Equal((expected.Count / 7) + 1, pages);
        Assert.Equal(entries.Count, await Storage.Deadlines.CountAsync(Ct));
    }

    [BackendFact]
    public async Task DeadlineUpsert_MovesTheDeadline_AndDeleteIsIdempotent()
    {
        await Storage.Deadlines.UpsertAsync(new DeadlineEntry("dossier", "D1", "due", T0), Ct);
        await Storage.Deadlines.UpsertAsync(new DeadlineEntry("dossier", "D1", "due", T0.AddHours(2)), Ct);

        Assert.Equal(1, await Storage.Deadlines.CountAsync(Ct));
        Assert.Empty(await Storage.Deadlines.GetDueBeforeAsync(T0.AddHours(1), null, 10, Ct));
        Assert.Equal(T0.AddHours(2), Assert.Single(await Storage.Deadlines.GetDueBeforeAsync(T0.AddHours(3), null, 10, Ct)).DueAt);

        await Storage.Deadlines.DeleteAsync("dossier", "D1", "due", Ct);
        await Storage.Deadlines.DeleteAsync("dossier", "D1", "due", Ct);
        Assert.Equal(0, await Storage.Deadlines.CountAsync(Ct));
    }

    [BackendFact]
    public async Task DeadlineComplete_RemovesOnlyWhileTheDueTimeIsUnchanged()
    {
        var fired = new DeadlineEntry("dossier", "D1", "due", T0);
        await Storage.Deadlines.UpsertAsync(fired, Ct);
        var moved = fired with { DueAt = T0.AddHours(1) };
        await Storage.Deadlines.UpsertAsync(moved, Ct);

        Assert.False(await Storage.Deadlines.CompleteAsync(fired, Ct));
        Assert.Equal(1, await Storage.Deadlines.CountAsync(Ct));
        Assert.True(await Storage.Deadlines.CompleteAsync(moved, Ct));
        Assert.Equal(0, await Storage.Deadlines.CountAsync(Ct));
        Assert.False(await Storage.Deadlines.CompleteAsync(moved, Ct));
    }

    [BackendFact]
    public async Task Timestamps_RoundTripInUtcTruncatedToTheMicrosecond()
    {
        var precise = T0.AddTicks(1_234_567); // 08:00:00.1234567 +07:00
        var truncated = T0.AddTicks(1_234_560);
        var entry = new DeadlineEntry("dossier", "D1", "due", precise);
        await Storage.Deadlines.UpsertAsync(entry, Ct);

        var stored = Assert.Single(await Storage.Deadlines.GetDueBeforeAsync(precise.AddSeconds(1), null, 10, Ct));
        Assert.Equal(truncated, stored.DueAt);
        Assert.Equal(TimeSpan.Zero, stored.DueAt.Offset);
        Assert.Equal(truncated.UtcTicks, stored.DueAt.UtcTicks);

        // The un-truncated value the caller still holds matches what was stored.
        Assert.True(await Storage.Deadlines.CompleteAsync(entry, Ct));

        var dossier = TestData.Dossier("D1", dueAt: precise, finishedAt: precise.AddTicks(2), outcome: "early");
        var e = TestData.Event("E1", "D1", precise.AddTicks(-1));
        await Storage.Dossiers.CommitAsync([TestData.Commit([e], dossier)], Ct);

        var read = await Storage.Dossiers.GetDossierAsync("D1", Ct);
        Assert.Equal(
            dossier with
            {
                ReceivedAt = dossier.ReceivedAt,
                DueAt = truncated,
                OriginalDueAt = truncated,
                DueSoonAt = truncated.AddDays(-1),
                FinishedAt = truncated,
            },
            read);
        Assert.Equal(truncated, Assert.Single(await Storage.Dossiers.GetEventsAsync("D1", Ct)).At);
    }

    private static List<T> Shuffled<T>(IEnumerable<T> items)
    {
        var random = new Random(42);
        return [.. items.OrderBy(_ => random.Next())];
    }
}
