using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SlaGrid.Grains.Grid;
using SlaGrid.Grains.Ingest;
using SlaGrid.Grains.Live;
using SlaGrid.Grains.Persistence;
using SlaGrid.Grains.Reference;
using SlaGrid.Runtime;
using SlaGrid.Runtime.Hosting;
using SlaGrid.Runtime.Storage;
using SlaGrid.Storage;
using SlaGrid.Storage.Sqlite;
using SlaGrid.Testing;

namespace SlaGrid.Grains.Tests.Grid;

/// <summary>
/// The grid as the silo runs it — the real runtime, grains, group committer and a real SQLite store on a temp file —
/// with a fake clock. <see cref="RestartAsync"/> brings up a new runtime over the same store, as a process restart would.
/// </summary>
public sealed class GridHarness : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("slagrid-grid").FullName;
    private GrainRuntimeHost? _host;
    private ISlaGridStorage? _storage;
    private GroupCommitter? _committer;

    private readonly Func<ISlaGridStorage, ISlaGridStorage>? _wrapStorage;
    private readonly TimeSpan _responseTimeout;

    private GridHarness(FakeTimeProvider time, Func<ISlaGridStorage, ISlaGridStorage>? wrapStorage, TimeSpan responseTimeout)
    {
        Time = time;
        _wrapStorage = wrapStorage;
        _responseTimeout = responseTimeout;
    }

    public FakeTimeProvider Time { get; }

    public GridContext Grid => _host!.Services.GetRequiredService<GridContext>();

    public IGrainFactory Grains => _host!.GrainFactory;

    public ISlaGridStorage Storage => _storage!;

    public IngestService Ingest => _host!.Services.GetRequiredService<IngestService>();

    public LiveHub Live => _host!.Services.GetRequiredService<LiveHub>();

    /// <summary>
    /// Starts the grid; <paramref name="wrapStorage"/> may put a decorator around the real store (the grains see it).
    /// The runtime's response timeout runs on the fake clock, which scenarios move by hours: by default it is long
    /// (30 days), so that a jump does not expire the calls in flight; tests of expiry pass the real default (30 s).
    /// </summary>
    public static async Task<GridHarness> StartAsync(DateTimeOffset start, Func<ISlaGridStorage, ISlaGridStorage>? wrapStorage = null, TimeSpan? responseTimeout = null)
    {
        var harness = new GridHarness(new FakeTimeProvider(start), wrapStorage, responseTimeout ?? TimeSpan.FromDays(30));
        await harness.BootAsync();
        return harness;
    }

    public async Task RestartAsync()
    {
        await ShutdownAsync();
        await BootAsync();
    }

    public async Task PutReferenceAsync(IReadOnlyList<UnitRecord> units, IReadOnlyList<OfficerRecord> officers, IReadOnlyList<ProcedureRecord> procedures)
    {
        await Storage.Reference.UpsertUnitsAsync(units, default);
        await Storage.Reference.UpsertOfficersAsync(officers, default);
        await Storage.Reference.UpsertProceduresAsync(procedures, default);
        var catalog = Grid.Catalog;
        var old = catalog.Units;
        catalog.SetUnits(old.WithUpserts(units, out var error));
        Assert.Null(error);
        catalog.MergeOfficers(officers);
        catalog.MergeProcedures(procedures);
        Grid.Reconfigure(null);
        foreach (var unit in units)
        {
            await Grains.GetGrain<IUnitGrain>(unit.Id).RefreshAsync(default);
        }
    }

    /// <summary>Posts one event through the ingest path and returns its outcome.</summary>
    public async Task<IngestOutcome> PostAsync(string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var parsed = EventBatchParser.ParseOne(doc.RootElement, Time.GetUtcNow());
        var result = await Ingest.IngestAsync([parsed], null, default);
        await SettleAsync();
        return result[0];
    }

    /// <summary>Lets coalesced rollups go out and waits until the tree is quiet.</summary>
    public async Task SettleAsync()
    {
        for (var i = 0; i < 50; i++)
        {
            Time.Advance(TimeSpan.FromMilliseconds(1));
            if (await Grid.Rollups.WaitQuietAsync(TimeSpan.FromMilliseconds(200), TimeProvider.System, default))
            {
                return;
            }
        }

        Assert.Fail($"Rollups did not settle: {Grid.Rollups.Pending} in flight.");
    }

    public async Task<SlaGrid.Grains.Measures.MeasureCounts> UnitTotalsAsync(string unitId)
    {
        await SettleAsync();
        return (await Grains.GetGrain<IUnitGrain>(unitId).GetSnapshotAsync(default)).Sum(null, null);
    }

    public async ValueTask DisposeAsync()
    {
        await ShutdownAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task BootAsync()
    {
        _storage = new SqliteStorage(Path.Combine(_directory, "grid.db"), Time, NullLoggerFactory.Instance);
        await _storage.MigrateAsync(default);
        _committer = new GroupCommitter(_storage.Dossiers, new GroupCommitOptions(), new StorageInstruments(), Time, NullLogger<GroupCommitter>.Instance);
        var storage = _wrapStorage?.Invoke(_storage) ?? _storage;
        var committer = _committer;
        var responseTimeout = _responseTimeout;
        _host = GrainRuntimeHost.Create(
            b => b.Configure(o => o.ResponseTimeout = responseTimeout),
            services =>
            {
                services.AddSingleton<TimeProvider>(Time);
                services.AddLogging();
                services.AddMetrics();
                services.AddSingleton(storage);
                services.AddSingleton<IGrainStateStore>(storage.States);
                services.AddSingleton<IDeadlineStore>(storage.Deadlines);
                services.AddSingleton<IDossierCommitter>(new Committer(committer));
                services.AddSingleton(Options.Create(new GridOptions { RollupCoalesceDelay = TimeSpan.Zero }));
                services.AddSlaGridGrains();
            });
        await _host.Services.GetRequiredService<GridBootstrap>().StartAsync(default);
        await _host.StartAsync(default);
        await SettleAsync();
    }

    private async Task ShutdownAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(default);
            await _host.DisposeAsync();
            _host = null;
        }

        if (_committer is not null)
        {
            await _committer.DisposeAsync();
            _committer = null;
        }

        if (_storage is not null)
        {
            await _storage.DisposeAsync();
            _storage = null;
        }
    }

    private sealed class Committer(GroupCommitter inner) : IDossierCommitter
    {
        public Task CommitAsync(DossierCommit commit, CancellationToken cancellationToken) => inner.CommitAsync(commit, cancellationToken);
    }
}
