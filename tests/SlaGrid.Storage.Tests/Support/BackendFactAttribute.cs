using Xunit.Sdk;

namespace SlaGrid.Storage.Tests.Support;

/// <summary>
/// A fact of the contract suite. Declared once on the abstract suite, it runs in every backend subclass; in a
/// subclass marked <see cref="RequiresPostgresAttribute"/> it is skipped outside CI when no PostgreSQL server is
/// configured (like <c>[PostgresFact]</c>), and never skipped under CI.
/// </summary>
[XunitTestCaseDiscoverer("SlaGrid.Storage.Tests.Support.BackendFactDiscoverer", "SlaGrid.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class BackendFactAttribute : FactAttribute;
