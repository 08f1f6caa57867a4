namespace SlaGrid.Grains.Persistence;

/// <summary>A commit tried to append an event whose id the store already holds.</summary>
public sealed class DuplicateEventException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DuplicateEventException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DuplicateEventException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public DuplicateEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The duplicated event id, when known.</summary>
    public string? EventId { get; init; }
}
