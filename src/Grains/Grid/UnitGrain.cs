using SlaGrid.Grains.Measures;
using System.Collections.Immutable;
using SlaGrid.Grains.Live;
using SlaGrid.Grains.Persistence;
using SlaGrid.Runtime;

namespace SlaGrid.Grains.Grid;

/// <summary>
/// One unit. Keeps its own dossiers' counts (told by the dossiers) and the latest versioned snapshot of each child;
/// its subtree total is their sum. Changes are coalesced for <see cref="GridOptions.RollupCoalesceDelay"/> and then
/// sent up as one snapshot, so a burst costs one message per level. On activation it reconciles with its children
/// (asks each for its snapshot), so totals are complete whatever order grains wake in.
/// </summary>
[GrainType(GrainTypeName)]
[KeepAlive]
public sealed partial class UnitGrain(GridContext grid, ILogger<UnitGrain> logger) : Grain, IUnitGrain
{
    /// <summary>The grain type name.</summary>
    public const string GrainTypeName = "unit";

    private readonly Dictionary<string, UnitSnapshot> _children = new(StringComparer.Ordinal);
    private readonly SubtreeDays _subtree = new();
    private OwnCounts _own = new();
    private UnitSnapshot? _current;
    private string? _parent;
    private bool _dirty;
    private IGrainTimer? _timer;
    private bool? _flagged;
    private long _version;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _own = grid.Seed.TakeUnit(GrainKey);
        grid.Metrics.SetUnitOwn(GrainKey, _own.Total);
        _parent = grid.Catalog.Units.ParentOf(GrainKey);
        var children = grid.Catalog.Units.ChildrenOf(GrainKey);
        var snapshots = await Task.WhenAll(children.Select(c => GrainFactory.GetGrain<IUnitGrain>(c).GetSnapshotAsync(cancellationToken)));
        foreach (var snapshot in snapshots)
        {
            _children[snapshot.UnitId] = snapshot;
        }

        _subtree.Rebuild(_own.Days, _children.Values);
        _current = Compute();

        // Tell the parent on a turn of its own (never from inside activation: the parent may be activating and
        // waiting for this very grain's snapshot).
        SetDirty();
        _timer = RegisterGrainTimer(PublishOnTimerAsync, grid.Options.RollupCoalesceDelay, Timeout.InfiniteTimeSpan);
    }

    /// <inheritdoc />
    public Task ApplyDossierAsync(DossierCount count, CancellationToken cancellationToken)
    {
        if (!_own.Apply(count, _subtree.Touched))
        {
            return Task.CompletedTask;
        }

        grid.Metrics.SetUnitOwn(GrainKey, _own.Total);
        return MarkDirtyAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task ApplyChildAsync(UnitSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        try
        {
            var known = _children.GetValueOrDefault(snapshot.UnitId);
            if (known is not null && snapshot.Version <= known.Version)
            {
                return;
            }

            if (snapshot.Detached || grid.Catalog.Units.ParentOf(snapshot.UnitId) != GrainKey)
            {
                if (_children.Remove(snapshot.UnitId, out var removed))
                {
                    _subtree.TouchDifferences(removed.Days, null);
                    await MarkDirtyAsync(cancellationToken);
                }

                return;
            }

            if (known is not null && snapshot.PreviousVersion == known.Version && snapshot.ChangedDays is { } changed)
            {
                // The child says what changed since the version held here: no need to compare every day.
                _subtree.Touched.UnionWith(changed);
            }
            else
            {
                _subtree.TouchDifferences(known?.Days, snapshot.Days);
            }

            _children[snapshot.UnitId] = snapshot;
            await MarkDirtyAsync(cancellationToken);
        }
        finally
        {
            grid.Rollups.End();
        }
    }

    /// <inheritdoc />
    public Task<UnitSnapshot> GetSnapshotAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_dirty || _current is null
            ? new UnitSnapshot(GrainKey, _version, _subtree.Peek(_own.Days, _children.Values))
            : _current);

    /// <inheritdoc />
    public Task<MeasureCounts> GetOwnTotalsAsync(CancellationToken cancellationToken) => Task.FromResult(_own.Total);

    /// <inheritdoc />
    public Task RepublishAsync(CancellationToken cancellationToken) => MarkDirtyAsync(cancellationToken);

    /// <inheritdoc />
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var parent = grid.Catalog.Units.ParentOf(GrainKey);
        if (parent != _parent && _parent is not null)
        {
            grid.Rollups.Begin();
            Send(_parent, new UnitSnapshot(GrainKey, NextVersion(), ImmutableSortedDictionary<DateOnly, MeasureCounts>.Empty, Detached: true));
        }

        _parent = parent;

        // Children that are no longer children are dropped; new children are asked for their snapshot.
        var children = grid.Catalog.Units.ChildrenOf(GrainKey).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _children.Keys.Where(c => !children.Contains(c)).ToList())
        {
            _children.Remove(gone);
        }

        foreach (var child in children.Where(c => !_children.ContainsKey(c)))
        {
            _children[child] = await GrainFactory.GetGrain<IUnitGrain>(child).GetSnapshotAsync(cancellationToken);
        }

        _subtree.Rebuild(_own.Days, _children.Values);
        SetDirty();
        await PublishAsync(cancellationToken);
    }

    // Unpublished changes count as rollup work in flight, once per unit, until they are published.
    private void SetDirty()
    {
        if (!_dirty)
        {
            _dirty = true;
            grid.Rollups.Begin();
        }
    }

    private Task MarkDirtyAsync(CancellationToken cancellationToken)
    {
        SetDirty();

        var delay = grid.Options.RollupCoalesceDelay;
        if (delay <= TimeSpan.Zero)
        {
            return PublishAsync(cancellationToken);
        }

        _timer ??= RegisterGrainTimer(PublishOnTimerAsync, delay, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    // The coalescing timer is one-shot: PublishAsync disposes it, which cancels the token of the tick running now. The
    // tick's work (the late-ratio alert's write) must not run on that token, or it is cancelled before it starts.
    private Task PublishOnTimerAsync(CancellationToken _) => PublishAsync(CancellationToken.None);

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        _timer = null;
        if (!_dirty)
        {
            return;
        }

        _dirty = false;
        _current = Compute();
        try
        {
            if (_parent is not null)
            {
                grid.Rollups.Begin();
                Send(_parent, _current);
            }

            var year = grid.CurrentYear();
            var yearTotals = _subtree.SumWithin(year.From, year.To);
            var province = grid.Catalog.Units.ProvinceOf(GrainKey);
            var flagged = grid.Options.Thresholds.IsUnitFlagged(yearTotals, province);
            if (grid.Live.HasSubscribers(GrainKey))
            {
                var total = _subtree.Total;
                grid.Live.Publish(new LiveMessage(GrainKey, new UnitLiveStats(GrainKey, total, grid.Options.Thresholds.IsUnitFlagged(total, province)), null));
            }

            if (flagged != _flagged)
            {
                // Not the tick's token: disposing the timer above cancelled it, and a cancelled write never lands
                // (the alert was never raised, and every publish retried it through a thrown exception).
                await UpdateRatioAlertAsync(flagged, yearTotals, CancellationToken.None);
            }
        }
        finally
        {
            grid.Rollups.End();
        }
    }

    private async Task UpdateRatioAlertAsync(bool flagged, MeasureCounts yearTotals, CancellationToken cancellationToken)
    {
        var now = grid.Time.GetUtcNow();
        var key = AlertKindNames.DedupKey(AlertKindNames.UnitLateRatio, GrainKey);
        var change = flagged
            ? new AlertChange(AlertChangeKind.Raise, key, now, new AlertRecord(
                AlertPlanner.NewId(now), AlertKindNames.UnitLateRatio, key, null, GrainKey, null,
                AlertPlanner.ParentLeaders(GrainKey, grid.Catalog), now, null, "open", null, null, 0))
            : new AlertChange(AlertChangeKind.Resolve, key, now);
        try
        {
            await grid.RatioAlerts.ApplyAsync(change, cancellationToken);
            var wasKnown = _flagged is not null;
            _flagged = flagged;
            grid.Committed?.Invoke();
            if (wasKnown || flagged)
            {
                LogRatioAlert(logger, GrainKey, flagged, yearTotals.LateRatio);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The flag is re-evaluated on the next change; the counts themselves are unaffected.
            LogRatioAlertFailed(logger, GrainKey, ex);
        }
    }

    private void Send(string parent, UnitSnapshot snapshot)
    {
        // Fire and forget: a parent never waits on a child and a child never waits on its parent, so no cycle of
        // calls can form between levels; versions make late or repeated snapshots harmless.
        var task = GrainFactory.GetGrain<IUnitGrain>(parent).ApplyChildAsync(snapshot, CancellationToken.None);
        _ = task.ContinueWith(
            static (t, state) =>
            {
                var (self, to) = ((UnitGrain, string))state!;
                self.OnSendFailed(t.Exception!, to);
            },
            (this, parent),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    // Runs outside the grain's turns. A snapshot the parent did not take in time was dropped by the runtime, and nothing
    // else would bring the parent up to date until this unit changes again: publish again through a call to this grain
    // (its next version supersedes the lost one). The rollup stays in flight until that call is done.
    private void OnSendFailed(AggregateException exception, string parent)
    {
        LogSendFailed(logger, GrainKey, parent, exception);
        if (exception.InnerException is TimeoutException)
        {
            RequestRepublish();
        }

        grid.Rollups.End();
    }

    private void RequestRepublish()
    {
        grid.Rollups.Begin();
        Task task;
        try
        {
            task = GrainFactory.GetGrain<IUnitGrain>(GrainKey).RepublishAsync(CancellationToken.None);
        }
        catch (InvalidOperationException ex)
        {
            // The runtime is stopping: the next activation reconciles with its children anyway.
            LogRepublishFailed(logger, GrainKey, ex);
            grid.Rollups.End();
            return;
        }

        _ = task.ContinueWith(
            static (t, state) => ((UnitGrain)state!).OnRepublished(t),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void OnRepublished(Task call)
    {
        if (call.Exception?.InnerException is TimeoutException)
        {
            RequestRepublish();
        }
        else if (call.Exception is { } failure)
        {
            LogRepublishFailed(logger, GrainKey, failure);
        }

        grid.Rollups.End();
    }

    private UnitSnapshot Compute()
    {
        var previous = _current?.Version;
        var days = _subtree.Materialize(_own.Days, _children.Values);
        var changed = _subtree.LastChanged;
        return new UnitSnapshot(GrainKey, NextVersion(), days)
        {
            PreviousVersion = changed is null ? null : previous,
            ChangedDays = changed,
        };
    }

    // Versions only grow, across reactivations too: they start from the clock's ticks.
    private long NextVersion() => _version = Math.Max(_version + 1, grid.Time.GetUtcNow().UtcTicks);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unit {UnitId} late-ratio flag is now {Flagged} (late ratio {LateRatio:P2} this year)")]
    private static partial void LogRatioAlert(ILogger logger, string unitId, bool flagged, double lateRatio);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unit {UnitId}: updating the late-ratio alert failed")]
    private static partial void LogRatioAlertFailed(ILogger logger, string unitId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unit {UnitId}: sending a snapshot to parent {ParentId} failed")]
    private static partial void LogSendFailed(ILogger logger, string unitId, string parentId, Exception? exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unit {UnitId}: publishing again after a lost snapshot failed; its parent is stale until the unit changes again")]
    private static partial void LogRepublishFailed(ILogger logger, string unitId, Exception exception);
}
