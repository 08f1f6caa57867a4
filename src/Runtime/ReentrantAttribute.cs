namespace SlaGrid.Runtime;

/// <summary>
/// The grain's calls may interleave: while one awaits, another may run a turn (Orleans' <c>[Reentrant]</c>).
/// Turns still never run in parallel.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute
{
}
