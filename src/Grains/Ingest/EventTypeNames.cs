using System.Collections.Frozen;

namespace SlaGrid.Grains.Ingest;

/// <summary>The event types of the HTTP API, as their wire strings.</summary>
public static class EventTypeNames
{
    /// <summary>Submitted online; the clock does not start.</summary>
    public const string Submitted = "submitted";

    /// <summary>Received complete and valid; the clock starts.</summary>
    public const string Received = "received";

    /// <summary>Refused; ends processing.</summary>
    public const string Refused = "refused";

    /// <summary>Handed over to an officer or unit.</summary>
    public const string Assigned = "assigned";

    /// <summary>Supplement requested; pauses the clock.</summary>
    public const string SupplementRequested = "supplement_requested";

    /// <summary>Supplement received; resumes the clock.</summary>
    public const string SupplementReceived = "supplement_received";

    /// <summary>Fees requested; pauses the clock when the procedure says so.</summary>
    public const string FeeRequested = "fee_requested";

    /// <summary>Fees paid; resumes the clock.</summary>
    public const string FeePaid = "fee_paid";

    /// <summary>Withdrawn by the citizen; ends processing.</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary>Processing stopped; ends processing.</summary>
    public const string Stopped = "stopped";

    /// <summary>Processed; ends processing.</summary>
    public const string Processed = "processed";

    /// <summary>Result returned (ends processing if it was not processed before).</summary>
    public const string Returned = "returned";

    /// <summary>Apology and new date, once per dossier.</summary>
    public const string Rescheduled = "rescheduled";

    /// <summary>Every type.</summary>
    public static FrozenSet<string> All { get; } = new[]
    {
        Submitted, Received, Refused, Assigned, SupplementRequested, SupplementReceived, FeeRequested, FeePaid,
        Withdrawn, Stopped, Processed, Returned, Rescheduled,
    }.ToFrozenSet(StringComparer.Ordinal);
}
