namespace SlaGrid.Storage.Tests.Support;

/// <summary>Marks a contract-suite subclass that runs against PostgreSQL (its facts skip outside CI when none is configured).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgresAttribute : Attribute;
