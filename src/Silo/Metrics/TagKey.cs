namespace SlaGrid.Silo.Metrics;

/// <summary>
/// A measurement's tags, sorted by key, with their hash: the allocation-free key a series is looked up by
/// (an alternate key of <see cref="LabelSet"/>).
/// </summary>
internal readonly ref struct TagKey
{
    [ThreadStatic]
    private static KeyValuePair<string, object?>[]? _scratch;

    private TagKey(ReadOnlySpan<KeyValuePair<string, object?>> tags, int hash)
    {
        Tags = tags;
        Hash = hash;
    }

    /// <summary>The tags, sorted by key (ordinal).</summary>
    public ReadOnlySpan<KeyValuePair<string, object?>> Tags { get; }

    /// <summary>The hash of keys and values, equal to <see cref="LabelSet.Hash"/> of the same tags.</summary>
    public int Hash { get; }

    /// <summary>
    /// Makes a key from tags in any order. Sorted input (the common case) is used in place; otherwise it is
    /// copied to a per-thread scratch buffer and sorted, so the result is valid until the next call on this thread.
    /// </summary>
    public static TagKey From(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (!IsSorted(tags))
        {
            var scratch = _scratch;
            if (scratch is null || scratch.Length < tags.Length)
            {
                scratch = _scratch = new KeyValuePair<string, object?>[Math.Max(tags.Length, 8)];
            }

            var copy = scratch.AsSpan(0, tags.Length);
            tags.CopyTo(copy);
            InsertionSort(copy);
            tags = copy;
        }

        return new TagKey(tags, ComputeHash(tags));
    }

    /// <summary>The hash of sorted tags.</summary>
    public static int ComputeHash(ReadOnlySpan<KeyValuePair<string, object?>> sortedTags)
    {
        var hash = new HashCode();
        foreach (var tag in sortedTags)
        {
            hash.Add(tag.Key, StringComparer.Ordinal);
            hash.Add(tag.Value);
        }

        return hash.ToHashCode();
    }

    /// <summary>True when both hold the same keys with equal values, in the same order.</summary>
    public static bool TagsEqual(ReadOnlySpan<KeyValuePair<string, object?>> left, ReadOnlySpan<KeyValuePair<string, object?>> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (!string.Equals(left[i].Key, right[i].Key, StringComparison.Ordinal) || !Equals(left[i].Value, right[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSorted(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        for (var i = 1; i < tags.Length; i++)
        {
            if (string.CompareOrdinal(tags[i - 1].Key, tags[i].Key) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static void InsertionSort(Span<KeyValuePair<string, object?>> tags)
    {
        for (var i = 1; i < tags.Length; i++)
        {
            var current = tags[i];
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(tags[j].Key, current.Key) > 0)
            {
                tags[j + 1] = tags[j];
                j--;
            }

            tags[j + 1] = current;
        }
    }
}
