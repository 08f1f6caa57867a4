namespace SlaGrid.Runtime;

/// <summary>
/// Calls to this grain interface method interleave with any call, and do not wait behind queued ones
/// (Orleans' <c>[AlwaysInterleave]</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute
{
}
