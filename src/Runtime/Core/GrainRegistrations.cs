namespace SlaGrid.Runtime.Core;

/// <summary>The grain registrations collected by <see cref="Hosting.GrainRuntimeBuilder"/> (one list per service collection).</summary>
internal sealed class GrainRegistrations
{
    public List<GrainRegistration> Items { get; } = [];
}
