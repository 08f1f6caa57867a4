namespace SlaGrid.Client.Tests;

/// <summary>
/// The SDK's public surface must equal src/Client/PublicAPI.txt: any change shows as a diff in review.
/// Run with SLAGRID_UPDATE_PUBLIC_API=1 to rewrite the file after an intended change.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicSurface_MatchesTheBaselineFile()
    {
        var path = Path.Combine(RepositoryRoot(), "src", "Client", "PublicAPI.txt");
        var actual = PublicApi.Describe(typeof(SlaGridClient).Assembly);
        if (Environment.GetEnvironmentVariable("SLAGRID_UPDATE_PUBLIC_API") == "1")
        {
            File.WriteAllText(path, string.Join('\n', actual) + "\n");
            return;
        }

        var expected = File.Exists(path)
            ? File.ReadAllLines(path).Where(l => l.Length > 0).ToList()
            : [];
        var removed = expected.Except(actual, StringComparer.Ordinal).ToList();
        var added = actual.Except(expected, StringComparer.Ordinal).ToList();
        Assert.True(
            removed.Count == 0 && added.Count == 0,
            $"The public API of SlaGrid.Client differs from {path}" +
            " (run the tests with SLAGRID_UPDATE_PUBLIC_API=1 to accept the change):\n" +
            string.Join('\n', removed.Select(l => "- " + l).Concat(added.Select(l => "+ " + l))));
    }

    [Fact]
    public void Describe_ShowsNullabilityDefaultsAndAccessors()
    {
        var lines = PublicApi.Describe(typeof(SlaGridClient).Assembly);
        Assert.Contains(
            "SlaGrid.Client.SlaGridClient.GetDossierAsync(string dossierId, System.Threading.CancellationToken cancellationToken = default) -> System.Threading.Tasks.Task<SlaGrid.Client.Contracts.Dossier?>",
            lines);
        Assert.Contains("SlaGrid.Client.Contracts.Dossier.Outcome { get; init; } -> string?", lines);
        Assert.Contains("const SlaGrid.Client.Contracts.Outcomes.OnTime -> string = \"on_time\"", lines);
        Assert.Contains("SlaGrid.Client.EventOutcome.Failed = 3", lines);
        Assert.DoesNotContain(lines, l => l.Contains("SseParser", StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SlaGrid.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("SlaGrid.slnx not found above " + AppContext.BaseDirectory);
    }
}
