namespace SlaGrid.Grains.Clock;

/// <summary>The stable rejection codes of the clock and the event validator (snake_case; part of the API contract).</summary>
public static class ClockErrorCodes
{
    /// <summary>A required field of the event type is missing or blank (validator).</summary>
    public const string MissingField = "missing_field";

    /// <summary>An event other than <c>submitted</c> comes before a valid <c>received</c>.</summary>
    public const string NotReceived = "not_received";

    /// <summary>A second <c>received</c>.</summary>
    public const string AlreadyReceived = "already_received";

    /// <summary>An event after the end of processing (only one <c>returned</c> after processed/refused/stopped/withdrawn is allowed).</summary>
    public const string DossierEnded = "dossier_ended";

    /// <summary>A second <c>rescheduled</c> (whatever its <c>at</c>).</summary>
    public const string RescheduleLimit = "reschedule_limit";

    /// <summary><c>supplement_received</c> without an open supplement request, or <c>fee_paid</c> without an open fee request.</summary>
    public const string NotPaused = "not_paused";

    /// <summary>A second <c>supplement_requested</c> while one is open (same for <c>fee_requested</c>).</summary>
    public const string AlreadyPaused = "already_paused";

    /// <summary><c>rescheduled.newDueAt</c> not after its <c>at</c>, or <c>received.dueAt</c> before its <c>at</c>.</summary>
    public const string InvalidDue = "invalid_due";

    /// <summary><c>received</c> names a procedure the grid does not know.</summary>
    public const string UnknownProcedure = "unknown_procedure";

    /// <summary>The candidate would make an accepted event invalid and no more specific code applies.</summary>
    public const string OutOfOrder = "out_of_order";
}
