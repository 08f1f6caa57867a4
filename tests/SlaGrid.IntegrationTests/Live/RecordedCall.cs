namespace SlaGrid.IntegrationTests.Live;

/// <summary>One HTTP request the silo received, as <see cref="RequestLog"/> saw it.</summary>
public sealed class RecordedCall(string method, string path, string query, string? authorization, string? accept, string? userAgent, string? lastEventId)
{
    public string Method { get; } = method;

    public string Path { get; } = path;

    /// <summary>The query string with its leading <c>?</c>, or empty.</summary>
    public string Query { get; } = query;

    public string? Authorization { get; } = authorization;

    public string? Accept { get; } = accept;

    public string? UserAgent { get; } = userAgent;

    public string? LastEventId { get; } = lastEventId;

    /// <summary>The status the silo answered with (0 until the response started).</summary>
    public int Status { get; set; }

    /// <summary>True for the browser's requests (not the test's own HttpClient or SDK).</summary>
    public bool FromBrowser => UserAgent?.Contains("Chrome", StringComparison.Ordinal) == true;

    public override string ToString() => $"{Method} {Path}{Query} → {Status} (auth: {Authorization ?? "none"}, accept: {Accept})";
}
