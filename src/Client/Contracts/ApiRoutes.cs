namespace SlaGrid.Client.Contracts;

/// <summary>The HTTP API v1 routes, as ASP.NET Core route templates (<c>{id}</c> is a path parameter).</summary>
public static class ApiRoutes
{
    /// <summary><c>PUT</c>: a <see cref="CalendarUpdate"/>.</summary>
    public const string Calendar = "/api/v1/calendar";

    /// <summary><c>PUT</c>: an array of <see cref="Unit"/> (upsert); <c>GET</c>: every unit the key may see.</summary>
    public const string Units = "/api/v1/units";

    /// <summary><c>PUT</c>: an array of <see cref="Officer"/> (upsert).</summary>
    public const string Officers = "/api/v1/officers";

    /// <summary><c>PUT</c>: an array of <see cref="Procedure"/> (upsert).</summary>
    public const string Procedures = "/api/v1/procedures";

    /// <summary><c>POST</c>: an array of <see cref="DossierEvent"/>; answers an <see cref="IngestResponse"/>.</summary>
    public const string Events = "/api/v1/events";

    /// <summary><c>GET</c>: a <see cref="Dossier"/>.</summary>
    public const string Dossier = "/api/v1/dossiers/{id}";

    /// <summary><c>GET</c>: a <see cref="UnitStats"/> for the unit's subtree; <c>?from=&amp;to=</c> (yyyy-MM-dd) filter by receipt date.</summary>
    public const string UnitStats = "/api/v1/units/{id}/stats";

    /// <summary><c>GET</c>: the unit's open dossiers (its subtree), most overdue first; <c>?limit=N</c>.</summary>
    public const string UnitDossiers = "/api/v1/units/{id}/dossiers";

    /// <summary><c>GET</c>: <c>text/event-stream</c> of <see cref="LiveEventNames"/> events for the unit's subtree.</summary>
    public const string UnitLive = "/api/v1/units/{id}/live";

    /// <summary><c>GET</c>: an <see cref="OfficerStats"/>; <c>?from=&amp;to=</c> as for units.</summary>
    public const string OfficerStats = "/api/v1/officers/{id}/stats";

    /// <summary><c>GET</c>: an array of <see cref="Alert"/>; <c>?unitId=&amp;state=&amp;kind=</c>.</summary>
    public const string Alerts = "/api/v1/alerts";

    /// <summary><c>POST</c>: acknowledges the alert; answers the <see cref="Alert"/> as it is now.</summary>
    public const string AlertAck = "/api/v1/alerts/{id}/ack";

    /// <summary><c>PUT</c>: an array of <see cref="Webhook"/>; <c>GET</c>: an array of <see cref="WebhookInfo"/>.</summary>
    public const string Webhooks = "/api/v1/webhooks";

    /// <summary><c>POST</c>: a <see cref="CreateKeyRequest"/>, answers a <see cref="CreatedKey"/>; <c>GET</c>: an array of <see cref="KeyInfo"/>.</summary>
    public const string Keys = "/api/v1/keys";

    /// <summary><c>DELETE</c>: revokes the key.</summary>
    public const string Key = "/api/v1/keys/{id}";

    /// <summary><c>GET</c>: Prometheus text format 0.0.4, no key needed.</summary>
    public const string Metrics = "/metrics";

    /// <summary><c>GET</c>: liveness.</summary>
    public const string Health = "/healthz";

    /// <summary><c>GET</c>: readiness (storage reachable, deadlines re-armed).</summary>
    public const string Ready = "/readyz";

    /// <summary>The media type of error answers.</summary>
    public const string ProblemMediaType = "application/problem+json";

    /// <summary>The media type of the live feed.</summary>
    public const string EventStreamMediaType = "text/event-stream";
}
