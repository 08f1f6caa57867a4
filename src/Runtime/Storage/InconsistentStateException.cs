namespace SlaGrid.Runtime.Storage;

/// <summary>A state write presented a version (ETag) that is no longer the stored one.</summary>
public sealed class InconsistentStateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InconsistentStateException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InconsistentStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public InconsistentStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a grain whose stored version differs from the one presented.</summary>
    public InconsistentStateException(string grainType, string grainKey, string? expectedETag, string? storedETag)
        : base($"Stale state write for {grainType}/{grainKey}: expected version '{expectedETag ?? "(none)"}', stored '{storedETag ?? "(none)"}'.")
    {
        GrainType = grainType;
        GrainKey = grainKey;
        ExpectedETag = expectedETag;
        StoredETag = storedETag;
    }

    /// <summary>The grain type whose write failed.</summary>
    public string? GrainType { get; }

    /// <summary>The grain key whose write failed.</summary>
    public string? GrainKey { get; }

    /// <summary>The version the writer presented.</summary>
    public string? ExpectedETag { get; }

    /// <summary>The version the store holds.</summary>
    public string? StoredETag { get; }
}
