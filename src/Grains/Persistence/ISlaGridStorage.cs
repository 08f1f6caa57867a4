using SlaGrid.Runtime.Storage;

namespace SlaGrid.Grains.Persistence;

/// <summary>One storage backend (PostgreSQL or SQLite): every store the silo needs, and its lifecycle.</summary>
public interface ISlaGridStorage : IAsyncDisposable
{
    /// <summary>The backend's name: <c>postgres</c> or <c>sqlite</c>.</summary>
    string Provider { get; }

    /// <summary>Grain state with ETags.</summary>
    IGrainStateStore States { get; }

    /// <summary>The durable deadline index.</summary>
    IDeadlineStore Deadlines { get; }

    /// <summary>Units, officers, procedures, calendar.</summary>
    IReferenceStore Reference { get; }

    /// <summary>Events and dossiers.</summary>
    IDossierStore Dossiers { get; }

    /// <summary>Alerts and their outbox.</summary>
    IAlertStore Alerts { get; }

    /// <summary>Webhooks and their cursors.</summary>
    IWebhookStore Webhooks { get; }

    /// <summary>API keys.</summary>
    IApiKeyStore Keys { get; }

    /// <summary>
    /// Applies pending migrations (idempotent). Throws with a clear message if the stored schema is newer than
    /// this binary knows.
    /// </summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Checks that the store answers (readiness).</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);
}
