namespace SlaGrid.Runtime.Storage;

/// <summary>A grain's persisted state as the store holds it: the serialized value and its version.</summary>
/// <param name="Data">The serialized state (JSON, UTF-8).</param>
/// <param name="ETag">The version the store gave this write; a write must present it to replace it.</param>
public sealed record StoredState(string Data, string ETag);
