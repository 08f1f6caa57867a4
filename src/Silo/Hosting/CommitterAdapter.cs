using SlaGrid.Grains.Persistence;
using SlaGrid.Storage;

namespace SlaGrid.Silo.Hosting;

/// <summary>The grains' committer port, served by the storage's group committer.</summary>
internal sealed class CommitterAdapter(GroupCommitter committer) : IDossierCommitter
{
    public Task CommitAsync(DossierCommit commit, CancellationToken cancellationToken) =>
        committer.CommitAsync(commit, cancellationToken);
}
