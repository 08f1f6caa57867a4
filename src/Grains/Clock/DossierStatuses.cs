namespace SlaGrid.Grains.Clock;

/// <summary>
/// The <c>status</c> strings of a dossier (the portal's status codes in brackets). "Overdue" is never a status.
/// </summary>
public static class DossierStatuses
{
    /// <summary>No accepted event yet.</summary>
    public const string None = "none";

    /// <summary>[1] Submitted online; not received, clock not started.</summary>
    public const string Submitted = "submitted";

    /// <summary>[2] Received; clock running; not yet assigned.</summary>
    public const string Received = "received";

    /// <summary>[4] Processing: at least one <c>assigned</c> since receipt, and no pause open.</summary>
    public const string Processing = "processing";

    /// <summary>[5] A supplement request is open (shown even when a fee wait is open too).</summary>
    public const string SupplementRequested = "supplement_requested";

    /// <summary>[6] A fee request is open (and no supplement request).</summary>
    public const string FeeRequested = "fee_requested";

    /// <summary>[3] Refused: ended.</summary>
    public const string Refused = "refused";

    /// <summary>[7] Withdrawn: ended.</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary>[8] Stopped: ended.</summary>
    public const string Stopped = "stopped";

    /// <summary>[9] Processed: ended.</summary>
    public const string Processed = "processed";

    /// <summary>[10] Result returned: ended (at the return when nothing ended it before, else at the earlier end).</summary>
    public const string Returned = "returned";
}
