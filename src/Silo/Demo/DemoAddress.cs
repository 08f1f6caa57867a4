namespace SlaGrid.Silo.Demo;

/// <summary>Picks the address the demo talks to the silo through, from the addresses the server listens on.</summary>
internal static class DemoAddress
{
    /// <summary>
    /// The first <c>http</c> address (else <c>https</c>), with a wildcard or <c>localhost</c> host replaced by
    /// 127.0.0.1; null when there is none (e.g. only a Unix socket).
    /// </summary>
    public static Uri? Pick(IEnumerable<string>? addresses)
    {
        var candidates = (addresses ?? [])
            .Select(a => a.Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal))
            .Select(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .Where(u => u.Scheme is "http" or "https")
            .OrderBy(u => u.Scheme == "http" ? 0 : 1)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var chosen = candidates[0];
        var host = chosen.Host is "0.0.0.0" or "[::]" or "::" or "localhost" ? "127.0.0.1" : chosen.Host;
        return new UriBuilder(chosen.Scheme, host, chosen.Port, "/").Uri;
    }
}
