namespace SlaGrid.Client.Contracts;

/// <summary>The values of <see cref="DossierEvent.Type"/> (the grid's events, mapped from the National Public Service Portal statuses).</summary>
public static class EventTypes
{
    /// <summary>Submitted online (status 1); the clock does not start.</summary>
    public const string Submitted = "submitted";

    /// <summary>Received, complete and valid (status 2): the clock starts. Carries <c>unitId</c>, <c>procedureCode</c>, optional <c>officerId</c> and <c>dueAt</c>.</summary>
    public const string Received = "received";

    /// <summary>Refused (status 3): ends processing.</summary>
    public const string Refused = "refused";

    /// <summary>Handed over to an officer and/or unit (status 4). Carries <c>officerId</c> and/or <c>unitId</c>.</summary>
    public const string Assigned = "assigned";

    /// <summary>Supplement requested (status 5): pauses the clock.</summary>
    public const string SupplementRequested = "supplement_requested";

    /// <summary>Supplement received: resumes the clock.</summary>
    public const string SupplementReceived = "supplement_received";

    /// <summary>Awaiting fees (status 6): pauses the clock when the procedure says fees pause it.</summary>
    public const string FeeRequested = "fee_requested";

    /// <summary>Fees paid: resumes the clock.</summary>
    public const string FeePaid = "fee_paid";

    /// <summary>Withdrawn by the citizen (status 7): ends processing.</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary>Processing stopped (status 8): ends processing.</summary>
    public const string Stopped = "stopped";

    /// <summary>Processed (status 9): ends processing.</summary>
    public const string Processed = "processed";

    /// <summary>Result returned (status 10); ends processing if it comes without <see cref="Processed"/>.</summary>
    public const string Returned = "returned";

    /// <summary>Apology and new date (once per dossier). Carries <c>newDueAt</c>.</summary>
    public const string Rescheduled = "rescheduled";

    /// <summary>Every event type, in lifecycle order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Submitted, Received, Refused, Assigned, SupplementRequested, SupplementReceived, FeeRequested, FeePaid,
        Withdrawn, Stopped, Processed, Returned, Rescheduled,
    ];
}
