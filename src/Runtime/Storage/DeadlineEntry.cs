namespace SlaGrid.Runtime.Storage;

/// <summary>
/// A durable deadline: grain <paramref name="GrainType"/>/<paramref name="GrainKey"/> must be told
/// <paramref name="Name"/> at <paramref name="DueAt"/>. A grain has at most one deadline per name;
/// registering the name again moves it.
/// </summary>
/// <param name="GrainType">The grain type's name (the runtime's stable type name).</param>
/// <param name="GrainKey">The grain's key.</param>
/// <param name="Name">The deadline's name within the grain (e.g. <c>due</c>, <c>due_soon</c>).</param>
/// <param name="DueAt">When it falls due (stored and compared in UTC, microsecond precision).</param>
public sealed record DeadlineEntry(string GrainType, string GrainKey, string Name, DateTimeOffset DueAt);
