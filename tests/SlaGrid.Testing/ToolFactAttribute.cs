using Xunit;

namespace SlaGrid.Testing;

/// <summary>A fact that needs executables on PATH (e.g. <c>prometheus</c>, <c>chromedriver</c>).</summary>
public sealed class ToolFactAttribute : FactAttribute
{
    /// <summary>Skips outside CI when any of <paramref name="executables"/> is missing.</summary>
    public ToolFactAttribute(params string[] executables)
    {
        var missing = executables.Where(e => TestEnvironment.FindExecutable(e) is null).ToArray();
        Skip = TestEnvironment.SkipUnlessCi(missing.Length == 0, string.Join(", ", missing));
    }
}
