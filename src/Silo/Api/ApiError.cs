namespace SlaGrid.Silo.Api;

/// <summary>An error the API answers with: HTTP status, a stable machine code, a title and a human explanation.</summary>
public sealed record ApiError(int Status, string Code, string Title, string Detail)
{
    /// <summary>Seconds the client should wait before retrying (429, 503), if any.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Per-field problems, for validation errors.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}
