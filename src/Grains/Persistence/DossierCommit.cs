using SlaGrid.Runtime.Storage;

namespace SlaGrid.Grains.Persistence;

/// <summary>
/// Everything one dossier change writes, atomically with the other commits of its group: the new events,
/// the dossier's new state, its deadlines and its alert changes.
/// </summary>
/// <param name="Events">Events to append (their ids must be new to the store).</param>
/// <param name="Dossier">The dossier's new state (upserted by id; the stored version must be <c>Version - 1</c> or absent).</param>
/// <param name="Deadlines">Deadlines to register or move.</param>
/// <param name="DeadlinesToDelete">Deadlines to remove: (grain type, grain key, name).</param>
/// <param name="Alerts">Alert changes caused by this change.</param>
public sealed record DossierCommit(
    IReadOnlyList<StoredEvent> Events,
    DossierRecord? Dossier,
    IReadOnlyList<DeadlineEntry> Deadlines,
    IReadOnlyList<(string GrainType, string GrainKey, string Name)> DeadlinesToDelete,
    IReadOnlyList<AlertChange> Alerts);
