namespace SlaGrid.Runtime;

/// <summary>
/// Activations of a grain class marked with this are never deactivated for being idle (Orleans'
/// <c>[KeepAlive]</c>); they still deactivate on <see cref="Grain.DeactivateOnIdle"/> and at shutdown. For grains
/// that hold live in-memory state rebuilt only at start, such as running counters.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class KeepAliveAttribute : Attribute;
