namespace SlaGrid.Runtime.Storage;

/// <summary>Orders deadlines as the store does: by (due, type, key, name), strings ordinally.</summary>
public sealed class DeadlineEntryComparer : IComparer<DeadlineEntry>
{
    /// <summary>The one instance.</summary>
    public static DeadlineEntryComparer Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(DeadlineEntry? x, DeadlineEntry? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var c = x.DueAt.UtcTicks.CompareTo(y.DueAt.UtcTicks);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.GrainType, y.GrainType);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.GrainKey, y.GrainKey);
        return c != 0 ? c : string.CompareOrdinal(x.Name, y.Name);
    }
}
