namespace SlaGrid.Grains.Persistence;

/// <summary>
/// Makes one dossier change durable, sharing a transaction with concurrent changes (group commit). Returns only
/// after the commit; throws <see cref="DuplicateEventException"/> when an event id is taken.
/// </summary>
public interface IDossierCommitter
{
    /// <summary>Commits the change durably.</summary>
    Task CommitAsync(DossierCommit commit, CancellationToken cancellationToken);
}
