namespace SlaGrid.Client.Contracts;

/// <summary>The SSE <c>event:</c> names of <c>GET /api/v1/units/{id}/live</c>.</summary>
public static class LiveEventNames
{
    /// <summary><c>data</c> is a <see cref="UnitStats"/>; sent on connect and on every coalesced change; carries no <c>id</c>.</summary>
    public const string Stats = "stats";

    /// <summary><c>data</c> is an <see cref="AlertEvent"/>; <c>id</c> is the alert outbox sequence, to resume with <c>Last-Event-ID</c>.</summary>
    public const string Alert = "alert";
}
