namespace SlaGrid.Runtime;

/// <summary>
/// The grain interface method does not change state: calls to read-only methods interleave with each other
/// (never with other calls) (Orleans' <c>[ReadOnly]</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute
{
}
