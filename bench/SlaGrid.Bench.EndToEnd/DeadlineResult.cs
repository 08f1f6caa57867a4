namespace SlaGrid.Bench.EndToEnd;

/// <summary>How late the overdue alerts of a set of probe dossiers came.</summary>
/// <param name="Probes">Probe dossiers.</param>
/// <param name="Fired">Overdue alerts stored for them.</param>
/// <param name="Seen">Overdue alerts seen on the nation's live feed.</param>
/// <param name="SeenLagMs">Due instant → alert seen on the live feed, ms.</param>
/// <param name="FiredLagMs">Due instant → alert created (the silo's clock), ms.</param>
internal sealed record DeadlineResult(int Probes, int Fired, int Seen, Percentiles SeenLagMs, Percentiles FiredLagMs);
