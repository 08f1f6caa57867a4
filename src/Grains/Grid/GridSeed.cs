using System.Collections.Concurrent;

namespace SlaGrid.Grains.Grid;

/// <summary>
/// Counts rebuilt from the store at start, handed to each unit and officer grain when it first activates, so that
/// counts after a restart equal counts before it. Unit and officer grains are never idle-collected, so each takes
/// its seed once.
/// </summary>
public sealed class GridSeed
{
    private readonly ConcurrentDictionary<string, OwnCounts> _units = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OwnCounts> _officers = new(StringComparer.Ordinal);

    /// <summary>Whether the seed has been built (ingestion waits for it).</summary>
    public bool IsReady { get; private set; }

    /// <summary>How many dossiers the seed counted.</summary>
    public long DossierCount { get; private set; }

    /// <summary>Counts one stored dossier toward its unit and officer.</summary>
    public void Add(string unitId, string? officerId, DossierCount message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _units.GetOrAdd(unitId, _ => new OwnCounts()).Apply(message);
        if (officerId is not null)
        {
            _officers.GetOrAdd(officerId, _ => new OwnCounts()).Apply(message);
        }

        DossierCount++;
    }

    /// <summary>Marks the seed complete.</summary>
    public void MarkReady() => IsReady = true;

    /// <summary>The unit's seeded counts (empty if none), removed from the seed.</summary>
    public OwnCounts TakeUnit(string unitId) => _units.TryRemove(unitId, out var counts) ? counts : new OwnCounts();

    /// <summary>The officer's seeded counts (empty if none), removed from the seed.</summary>
    public OwnCounts TakeOfficer(string officerId) => _officers.TryRemove(officerId, out var counts) ? counts : new OwnCounts();

    /// <summary>The units that have seeded counts not yet taken.</summary>
    public IReadOnlyCollection<string> PendingUnits => _units.Keys.ToArray();

    /// <summary>The officers that have seeded counts not yet taken.</summary>
    public IReadOnlyCollection<string> PendingOfficers => _officers.Keys.ToArray();
}
