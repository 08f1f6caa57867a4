namespace SlaGrid.Grains.Grid;

/// <summary>The grid is still rebuilding its counts after a start; the caller should retry shortly (503).</summary>
public sealed class GridNotReadyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GridNotReadyException()
        : base("SlaGrid is starting: counts are being rebuilt from the store. Retry shortly.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public GridNotReadyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public GridNotReadyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
