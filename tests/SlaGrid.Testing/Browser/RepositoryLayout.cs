namespace SlaGrid.Testing.Browser;

/// <summary>Finds the repository's folders from a test's output directory (the root holds <c>SlaGrid.slnx</c>).</summary>
public static class RepositoryLayout
{
    /// <summary>The repository root, or null when the tests run outside a checkout.</summary>
    public static string? Root { get; } = FindRoot(AppContext.BaseDirectory) ?? FindRoot(Directory.GetCurrentDirectory());

    /// <summary>An existing folder under the repository root (e.g. <c>src/Silo/wwwroot</c>), or a failure that says what is missing.</summary>
    public static string RequireDirectory(string relativePath)
    {
        var root = Root ?? throw new InvalidOperationException(
            $"The repository root (the folder holding SlaGrid.slnx) was not found above {AppContext.BaseDirectory}.");
        var path = Path.GetFullPath(Path.Combine(root, relativePath));
        return Directory.Exists(path) ? path : throw new DirectoryNotFoundException($"{relativePath} does not exist under {root}.");
    }

    /// <summary>Where test results go: <c>TestResults</c> under the root (or the current directory outside a checkout).</summary>
    public static string TestResultsDirectory => Path.Combine(Root ?? Directory.GetCurrentDirectory(), "TestResults");

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SlaGrid.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
