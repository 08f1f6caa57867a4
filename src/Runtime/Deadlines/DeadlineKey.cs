namespace SlaGrid.Runtime.Deadlines;

/// <summary>A deadline's identity: one per (grain type, grain key, name).</summary>
internal readonly record struct DeadlineKey(string GrainType, string GrainKey, string Name);
