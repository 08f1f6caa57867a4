using Microsoft.Extensions.Options;
using SlaGrid.Grains.Calendar;
using SlaGrid.Grains.Clock;
using SlaGrid.Grains.Live;
using SlaGrid.Grains.Persistence;
using SlaGrid.Grains.Procedures;
using SlaGrid.Grains.Reference;
using SlaGrid.Grains.Rules;
using SlaGrid.Runtime.Deadlines;

namespace SlaGrid.Grains.Grid;

/// <summary>Everything the grid's grains share: stores, reference data, the clock, live feeds, metrics, policies.</summary>
public sealed class GridContext(
    ISlaGridStorage storage,
    IDossierCommitter committer,
    ReferenceCatalog catalog,
    LiveHub live,
    GridSeed seed,
    RollupTracker rollups,
    GridMetrics metrics,
    IDeadlineService deadlines,
    IOptions<GridOptions> options,
    TimeProvider time)
{
    private volatile DossierClock _clock = new(CalendarData.Vietnam, ProcedureCatalog.Empty);
    private CalendarData _calendar = CalendarData.Vietnam;
    private OfficeSchedule? _officeHours;

    /// <summary>The stores.</summary>
    public ISlaGridStorage Storage { get; } = storage;

    /// <summary>Late-ratio alert changes, written in shared transactions.</summary>
    public AlertWriteBatcher RatioAlerts { get; } = new(storage.Alerts);

    /// <summary>The group committer for dossier changes.</summary>
    public IDossierCommitter Committer { get; } = committer;

    /// <summary>Units, officers, procedures.</summary>
    public ReferenceCatalog Catalog { get; } = catalog;

    /// <summary>Live subscribers.</summary>
    public LiveHub Live { get; } = live;

    /// <summary>Counts rebuilt at start.</summary>
    public GridSeed Seed { get; } = seed;

    /// <summary>Rollup work in flight.</summary>
    public RollupTracker Rollups { get; } = rollups;

    /// <summary>Contract metrics.</summary>
    public GridMetrics Metrics { get; } = metrics;

    /// <summary>The durable deadline service (to track deadlines committed with a dossier change).</summary>
    public IDeadlineService Deadlines { get; } = deadlines;

    /// <summary>Policies.</summary>
    public GridOptions Options { get; } = options.Value;

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>The dossier clock with the current calendar and procedures.</summary>
    public DossierClock Clock => _clock;

    /// <summary>Called after every commit that may have written alerts (wakes delivery).</summary>
    public Action? Committed { get; set; }

    /// <summary>
    /// Rebuilds the clock from the shipped Vietnamese calendar overlaid with the stored calendar, the stored office
    /// hours, and the current procedures.
    /// </summary>
    public void Reconfigure(CalendarRecord? stored)
    {
        lock (Catalog)
        {
            if (stored is not null)
            {
                _calendar = CalendarData.Vietnam.Merge(CalendarData.FromRecords(stored.Days));
                _officeHours = stored.OfficeHours is { Count: > 0 } hours
                    ? OfficeSchedule.Default with { OfficeHours = [.. hours.Select(h => new OfficePeriod(h.Start, h.End))] }
                    : null;
            }

            var procedures = new ProcedureCatalog(Catalog.Procedures.Values.Select(Procedure.FromRecord));
            var officeHours = _officeHours;
            _clock = new DossierClock(_calendar, procedures, RuleSetCatalog.Default, officeHours is null ? null : _ => officeHours);
        }
    }

    /// <summary>The current local year's first and last days, for "in a year" thresholds.</summary>
    public (DateOnly From, DateOnly To) CurrentYear()
    {
        var today = VietnamTime.LocalDate(Time.GetUtcNow());
        return (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31));
    }
}
