using SlaGrid.Grains.Measures;
using SlaGrid.Grains.Persistence;
using SlaGrid.Runtime;

namespace SlaGrid.Grains.Grid;

/// <summary>
/// One officer: the counts of the dossiers they are accountable for now (DOMAIN.md rule 10), and the
/// <c>officer_late_ratio</c> alert when this year's late ratio passes the threshold.
/// </summary>
[GrainType(GrainTypeName)]
[KeepAlive]
public sealed partial class OfficerGrain(GridContext grid, ILogger<OfficerGrain> logger) : Grain, IOfficerGrain
{
    /// <summary>The grain type name.</summary>
    public const string GrainTypeName = "officer";

    private OwnCounts _own = new();
    private bool? _flagged;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _own = grid.Seed.TakeOfficer(GrainKey);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task ApplyDossierAsync(DossierCount count, CancellationToken cancellationToken)
    {
        if (!_own.Apply(count))
        {
            return;
        }

        var year = grid.CurrentYear();
        var totals = DayMath.Sum(_own.Days, year.From, year.To);
        var unitId = grid.Catalog.Officers.GetValueOrDefault(GrainKey)?.UnitId;
        var province = unitId is null ? string.Empty : grid.Catalog.Units.ProvinceOf(unitId);
        var flagged = grid.Options.Thresholds.IsOfficerFlagged(totals, province);
        if (flagged == _flagged)
        {
            return;
        }

        if (unitId is null)
        {
            // An officer the grid was never told about (PUT /api/v1/officers) has no unit, so no leaders to tell: the
            // alert cannot be addressed. Remember the flag instead of failing (and logging) on every change.
            _flagged = flagged;
            return;
        }

        var now = grid.Time.GetUtcNow();
        var key = AlertKindNames.DedupKey(AlertKindNames.OfficerLateRatio, GrainKey);
        var change = flagged
            ? new AlertChange(AlertChangeKind.Raise, key, now, new AlertRecord(
                AlertPlanner.NewId(now), AlertKindNames.OfficerLateRatio, key, null, unitId, GrainKey,
                grid.Catalog.LeadersOf(unitId), now, null, "open", null, null, 0))
            : new AlertChange(AlertChangeKind.Resolve, key, now);
        try
        {
            await grid.RatioAlerts.ApplyAsync(change, cancellationToken);
            _flagged = flagged;
            grid.Committed?.Invoke();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRatioAlertFailed(logger, GrainKey, ex);
        }
    }

    /// <inheritdoc />
    public Task<MeasureCounts> GetTotalsAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        Task.FromResult(DayMath.Sum(_own.Days, from, to));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Officer {OfficerId}: updating the late-ratio alert failed")]
    private static partial void LogRatioAlertFailed(ILogger logger, string officerId, Exception exception);
}
