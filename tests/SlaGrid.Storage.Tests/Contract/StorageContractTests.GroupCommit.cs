using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using SlaGrid.Grains.Persistence;
using SlaGrid.Runtime.Storage;
using SlaGrid.Storage.Tests.Support;
using static SlaGrid.Storage.Tests.Support.TestData;

namespace SlaGrid.Storage.Tests.Contract;

public abstract partial class StorageContractTests<TBackend>
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(1);

    [BackendFact]
    public async Task GroupCommitter_TwoHundredConcurrentCallers_ShareAFewTransactions()
    {
        var store = new CountingDossierStore(Storage.Dossiers) { HoldFirst = true };
        using var instruments = new StorageInstruments();
        await using var committer = NewCommitter(store, instruments);

        var calls = Enumerable.Range(0, 200).Select(i => committer.CommitAsync(Received($"D{i}", $"E{i}"), Ct)).ToList();
        await store.FirstEntered.WaitAsync(Generous);
        Assert.All(calls, c => Assert.False(c.IsCompleted)); // nobody is acknowledged before the commit
        store.Release();
        await Task.WhenAll(calls).WaitAsync(Generous);

        Assert.InRange(store.Transactions, 1, 4);
        Assert.Equal(200, store.GroupSizes.Sum());
        Assert.Equal(200, await Storage.Dossiers.CountEventsAsync(Ct));
        Assert.Equal(200, (await Storage.Dossiers.CountAsync(new DossierCountQuery(T0, null, null, null, null), Ct)).Received);
    }

    [BackendFact]
    public async Task GroupCommitter_DuplicateEventInAGroup_FailsOnlyTheOffender()
    {
        await Storage.Dossiers.CommitAsync([Received("D-old", "E-dup")], Ct);
        var store = new CountingDossierStore(Storage.Dossiers) { HoldFirst = true };
        using var instruments = new StorageInstruments();
        await using var committer = NewCommitter(store, instruments);

        var blocker = committer.CommitAsync(Received("D-blocker", "E-blocker"), Ct);
        await store.FirstEntered.WaitAsync(Generous);
        var calls = Enumerable.Range(0, 10)
            .Select(i => committer.CommitAsync(i == 4 ? Commit([Event($"E{i}", $"D{i}"), Event("E-dup", $"D{i}")], Dossier($"D{i}")) : Received($"D{i}", $"E{i}"), Ct))
            .ToList();
        var repeated = committer.CommitAsync(Received("D-again", "E2"), Ct); // the same id as a member of its group
        store.Release();
        var outcomes = await Task.WhenAll(calls.Select(Settle)).WaitAsync(Generous);

        await blocker;
        Assert.Equal("E-dup", Assert.IsType<DuplicateEventException>(outcomes[4]).EventId);
        Assert.All(outcomes.Where((_, i) => i != 4), Assert.Null);
        Assert.Equal("E2", (await Assert.ThrowsAsync<DuplicateEventException>(() => repeated)).EventId);
        Assert.Equal(1 + 1 + 9, await Storage.Dossiers.CountEventsAsync(Ct));
        Assert.Null(await Storage.Dossiers.GetDossierAsync("D4", Ct));
        Assert.Null(await Storage.Dossiers.GetDossierAsync("D-again", Ct));
        Assert.NotNull(await Storage.Dossiers.GetDossierAsync("D2", Ct));
        Assert.Equal("D-old", (await Storage.Dossiers.FindEventsAsync(["E-dup"], Ct))["E-dup"]);
    }

    [BackendFact]
    public async Task GroupCommitter_StaleDossierVersionInAGroup_FailsOnlyTheOffender()
    {
        await Storage.Dossiers.CommitAsync([Received("D-x", "E-x")], Ct);
        var store = new CountingDossierStore(Storage.Dossiers) { HoldFirst = true };
        using var instruments = new StorageInstruments();
        await using var committer = NewCommitter(store, instruments);

        var blocker = committer.CommitAsync(Received("D-blocker", "E-blocker"), Ct);
        await store.FirstEntered.WaitAsync(Generous);
        var good1 = committer.CommitAsync(Received("D1", "E1"), Ct);
        var stale = committer.CommitAsync(Commit([Event("E-stale", "D-x")], Dossier("D-x", version: 1, unitId: "U9")), Ct);
        var good2 = committer.CommitAsync(Commit([Event("E-next", "D-x")], Dossier("D-x", version: 2, unitId: "U2")), Ct);
        store.Release();

        await Task.WhenAll(blocker, good1, good2).WaitAsync(Generous);
        await Assert.ThrowsAsync<InconsistentStateException>(() => stale);
        Assert.Equal("U2", (await Storage.Dossiers.GetDossierAsync("D-x", Ct))!.UnitId);
        Assert.Empty(await Storage.Dossiers.FindEventsAsync(["E-stale"], Ct));
        Assert.Equal(4, await Storage.Dossiers.CountEventsAsync(Ct));
    }

    [BackendFact]
    public async Task GroupCommitter_CancelledWhileQueued_IsNotWritten()
    {
        var store = new CountingDossierStore(Storage.Dossiers) { HoldFirst = true };
        using var instruments = new StorageInstruments();
        await using var committer = NewCommitter(store, instruments);
        var blocker = committer.CommitAsync(Received("D-blocker", "E-blocker"), Ct);
        await store.FirstEntered.WaitAsync(Generous);

        using var cts = new CancellationTokenSource();
        var cancelled = committer.CommitAsync(Received("D1", "E1"), cts.Token);
        var kept = committer.CommitAsync(Received("D2", "E2"), Ct);
        await cts.CancelAsync();
        store.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await Task.WhenAll(blocker, kept).WaitAsync(Generous);
        Assert.Equal(2, await Storage.Dossiers.CountEventsAsync(Ct));
        Assert.Empty(await Storage.Dossiers.FindEventsAsync(["E1"], Ct));
    }

    [BackendFact]
    public async Task GroupCommitter_RecordsIngestLatencyPerDurableCommit_AndDrainsOnDispose()
    {
        using var instruments = new StorageInstruments();
        var measurements = new List<(double Value, string? Unit)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, instruments.Meter) && instrument.Name == "slagrid_ingest_seconds")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            lock (measurements)
            {
                measurements.Add((value, instrument.Unit));
            }
        });
        listener.Start();

        var committer = new GroupCommitter(Storage.Dossiers, new GroupCommitOptions(), instruments, TimeProvider.System, NullLogger<GroupCommitter>.Instance);
        var calls = Enumerable.Range(0, 50).Select(i => committer.CommitAsync(Received($"D{i}", $"E{i}"), Ct)).ToList();
        await committer.DisposeAsync();

        Assert.All(calls, c => Assert.True(c.IsCompletedSuccessfully));
        Assert.Equal(50, await Storage.Dossiers.CountEventsAsync(Ct));
        Assert.Equal(50, measurements.Count);
        Assert.All(measurements, m => Assert.Equal("s", m.Unit));
        Assert.All(measurements, m => Assert.True(m.Value >= 0));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => committer.CommitAsync(Received("D-late", "E-late"), Ct));
    }

    private GroupCommitter NewCommitter(IDossierStore store, StorageInstruments instruments) =>
        new(store, new GroupCommitOptions(), instruments, Time, NullLogger<GroupCommitter>.Instance);
}
