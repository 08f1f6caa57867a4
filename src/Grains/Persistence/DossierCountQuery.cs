namespace SlaGrid.Grains.Persistence;

/// <summary>
/// Which dossiers to count, and the instant that decides overdue and due soon. A dossier is open when
/// <c>FinishedAt</c> is null; paused when open and <c>Paused</c>; overdue when open, not paused and
/// <c>DueAt &lt; Now</c>; due soon when open, not paused, not overdue and <c>DueSoonAt &lt;= Now</c>.
/// </summary>
/// <param name="Now">The current instant.</param>
/// <param name="UnitIds">Dossiers of any of these units (null: all).</param>
/// <param name="OfficerId">Dossiers of this officer (null: any).</param>
/// <param name="From">Receipt date on or after (local date; null: no bound).</param>
/// <param name="To">Receipt date on or before (null: no bound).</param>
public sealed record DossierCountQuery(DateTimeOffset Now, IReadOnlyCollection<string>? UnitIds, string? OfficerId, DateOnly? From, DateOnly? To);
