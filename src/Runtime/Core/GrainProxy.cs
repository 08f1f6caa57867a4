using System.Reflection;

namespace SlaGrid.Runtime.Core;

/// <summary>
/// A grain reference: an address (grain class, key) that turns interface calls into messages. It caches the activation
/// it last reached, so a call usually skips the directory; a stale cache is detected and refreshed.
/// </summary>
public class GrainProxy : DispatchProxy
{
    private GrainInterfaceInfo? _interface;
    private string? _key;

    /// <summary>The grain's key.</summary>
    public string Key => _key!;

    internal GrainRuntime Runtime => _interface!.Runtime;

    internal GrainClassInfo GrainClass => _interface!.GrainClass;

    internal Activation? CachedActivation { get; set; }

    /// <summary>Two references are equal when they address the same grain.</summary>
    public override bool Equals(object? obj) =>
        obj is GrainProxy other && ReferenceEquals(other._interface?.GrainClass, _interface?.GrainClass) && other._key == _key;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_interface?.GrainClass.Name, _key);

    /// <inheritdoc />
    public override string ToString() => $"{_interface?.GrainClass.Name}/{_key}";

    internal void Bind(GrainInterfaceInfo info, string key)
    {
        _interface = info;
        _key = key;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return _interface!.GetMethod(targetMethod).Invoke(this, args ?? []);
    }
}
