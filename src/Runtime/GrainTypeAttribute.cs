namespace SlaGrid.Runtime;

/// <summary>
/// The grain class's stable type name (Orleans' <c>[GrainType]</c>), used in state keys and durable deadlines.
/// Without it the type name is the class name. Renaming it orphans stored state and deadlines.
/// </summary>
/// <param name="name">The stable type name.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    /// <summary>The stable type name.</summary>
    public string Name { get; } = name;
}
