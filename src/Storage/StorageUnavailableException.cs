namespace SlaGrid.Storage;

/// <summary>
/// The database could not be reached or refused work for a reason that passes (connection refused, server
/// shutting down or starting up, too many connections, database locked). The operation may or may not have
/// taken effect if the failure hit during a commit; retrying an idempotent operation is safe. The HTTP API
/// answers 503 with <see cref="RetryAfter"/>.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    /// <summary>The default delay callers are told to wait before retrying.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>Creates the exception.</summary>
    public StorageUnavailableException()
        : this("The storage is unavailable.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the database error behind it.</summary>
    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How long a caller should wait before retrying (default <see cref="DefaultRetryAfter"/>).</summary>
    public TimeSpan RetryAfter { get; init; } = DefaultRetryAfter;
}
