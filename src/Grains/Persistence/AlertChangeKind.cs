namespace SlaGrid.Grains.Persistence;

/// <summary>What an <see cref="AlertChange"/> does.</summary>
public enum AlertChangeKind
{
    /// <summary>Insert the alert unless one with its dedup key is already active (then nothing happens).</summary>
    Raise,

    /// <summary>Resolve the active alert with the dedup key, if any.</summary>
    Resolve,

    /// <summary>Count one more repeat on the active, unacknowledged alert with the dedup key, if any.</summary>
    Repeat,
}
