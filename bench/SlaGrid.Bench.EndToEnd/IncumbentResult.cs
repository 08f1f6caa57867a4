namespace SlaGrid.Bench.EndToEnd;

/// <summary>The incumbent query's timing in one variant, and the national totals it computed.</summary>
/// <param name="Variant">Which indexes it had.</param>
/// <param name="Plan">The scan node of its plan.</param>
/// <param name="TableRows">Rows in the dossiers table.</param>
/// <param name="WallMs">Time per refresh, ms.</param>
/// <param name="BackendCpuMs">The backend's mean CPU per refresh, ms (local server only).</param>
/// <param name="Open">Open dossiers it counted.</param>
/// <param name="Overdue">Overdue dossiers it counted.</param>
/// <param name="DueSoon">Due-soon dossiers it counted.</param>
/// <param name="Units">Units (rows) it returned.</param>
internal sealed record IncumbentResult(string Variant, string Plan, long TableRows, Percentiles WallMs, double? BackendCpuMs, long Open, long Overdue, long DueSoon, int Units);
