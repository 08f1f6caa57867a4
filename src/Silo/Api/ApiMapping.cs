using SlaGrid.Grains.Measures;
using SlaGrid.Client.Contracts;
using SlaGrid.Grains.Calendar;
using SlaGrid.Grains.Clock;
using SlaGrid.Grains.Grid;
using SlaGrid.Grains.Persistence;

namespace SlaGrid.Silo.Api;

/// <summary>From the grid's types to the wire contract (times shown in Vietnam's +07:00).</summary>
public static class ApiMapping
{
    /// <summary>A dossier view as the API shows it.</summary>
    public static Dossier ToContract(this DossierView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var s = view.State;
        return new Dossier(
            s.DossierId,
            s.UnitId ?? string.Empty,
            s.OfficerId,
            s.ProcedureCode ?? string.Empty,
            s.Status,
            Local(s.ReceivedAt) ?? default,
            Local(s.DueAt),
            Local(s.OriginalDueAt),
            s.Paused,
            view.Overdue,
            view.DueSoon,
            s.Rescheduled,
            s.ApologyLate,
            s.SupplementRequests,
            Local(s.FinishedAt),
            s.Outcome?.ToApiString());
    }

    /// <summary>A stored dossier as the API shows it, judged at <paramref name="now"/>.</summary>
    public static Dossier ToContract(this DossierRecord d, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(d);
        var category = GridBootstrap.CategoryOf(d, now);
        return new Dossier(
            d.Id, d.UnitId, d.OfficerId, d.ProcedureCode, d.Status, Local(d.ReceivedAt)!.Value, Local(d.DueAt), Local(d.OriginalDueAt),
            d.Paused, category == DossierCategory.Overdue, category == DossierCategory.DueSoon,
            d.Rescheduled, d.ApologyLate, d.SupplementRequests, Local(d.FinishedAt), d.Outcome);
    }

    /// <summary>Unit stats.</summary>
    public static UnitStats ToUnitStats(this MeasureCounts v, string unitId, bool flagged) => new(
        unitId, v.Received, v.Open, v.Overdue, v.DueSoon, v.Paused, v.FinishedEarly, v.FinishedOnTime, v.FinishedLate,
        v.OnTimeRatio, v.LateRatio, flagged);

    /// <summary>Officer stats.</summary>
    public static OfficerStats ToOfficerStats(this MeasureCounts v, string officerId, bool flagged) => new(
        officerId, v.Received, v.Open, v.Overdue, v.DueSoon, v.Paused, v.FinishedEarly, v.FinishedOnTime, v.FinishedLate,
        v.OnTimeRatio, v.LateRatio, flagged);

    /// <summary>An alert.</summary>
    public static Alert ToContract(this AlertRecord a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new Alert(
            a.Id, a.Kind, a.DossierId, a.UnitId, a.OfficerId, a.Recipients, Local(a.CreatedAt)!.Value, Local(a.DueAt), a.State, a.DedupKey,
            Local(a.AcknowledgedAt), Local(a.ResolvedAt), a.Repeats);
    }

    /// <summary>An instant in +07:00.</summary>
    public static DateTimeOffset? Local(DateTimeOffset? instant) => instant is { } i ? VietnamTime.ToLocal(i) : null;
}
