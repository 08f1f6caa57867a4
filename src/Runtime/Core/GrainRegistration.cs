namespace SlaGrid.Runtime.Core;

/// <summary>A grain class registered with the runtime, and the grain interface it serves (if any).</summary>
internal sealed record GrainRegistration(Type? InterfaceType, Type ClassType);
