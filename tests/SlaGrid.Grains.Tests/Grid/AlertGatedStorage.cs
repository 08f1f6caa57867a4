using SlaGrid.Grains.Persistence;
using SlaGrid.Runtime.Storage;

namespace SlaGrid.Grains.Tests.Grid;

/// <summary>The real store with its alerts behind a <see cref="GatedAlertStore"/>. Disposing it is the harness's job.</summary>
internal sealed class AlertGatedStorage(ISlaGridStorage inner, GatedAlertStore alerts) : ISlaGridStorage
{
    public string Provider => inner.Provider;

    public IGrainStateStore States => inner.States;

    public IDeadlineStore Deadlines => inner.Deadlines;

    public IReferenceStore Reference => inner.Reference;

    public IDossierStore Dossiers => inner.Dossiers;

    public IAlertStore Alerts => alerts;

    public IWebhookStore Webhooks => inner.Webhooks;

    public IApiKeyStore Keys => inner.Keys;

    public Task MigrateAsync(CancellationToken cancellationToken) => inner.MigrateAsync(cancellationToken);

    public Task<bool> PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
