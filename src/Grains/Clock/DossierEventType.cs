namespace SlaGrid.Grains.Clock;

/// <summary>The grid's event types (DOMAIN.md lifecycle). API strings: see <see cref="DossierEventTypes"/>.</summary>
public enum DossierEventType
{
    /// <summary><c>submitted</c> (status 1): submitted online; the clock does not start.</summary>
    Submitted,

    /// <summary><c>received</c> (status 2): valid receipt; the clock starts. Needs unitId and procedureCode; optional officerId, dueAt.</summary>
    Received,

    /// <summary><c>refused</c> (status 3): end of processing, judged.</summary>
    Refused,

    /// <summary><c>assigned</c> (status 4): hand-over to an officer and/or unit.</summary>
    Assigned,

    /// <summary><c>supplement_requested</c> (status 5): pauses the clock.</summary>
    SupplementRequested,

    /// <summary><c>supplement_received</c>: resumes the clock.</summary>
    SupplementReceived,

    /// <summary><c>fee_requested</c> (status 6): pauses the clock when the procedure says fees pause it.</summary>
    FeeRequested,

    /// <summary><c>fee_paid</c>: ends the fee wait.</summary>
    FeePaid,

    /// <summary><c>withdrawn</c> (status 7): end of processing, judged.</summary>
    Withdrawn,

    /// <summary><c>stopped</c> (status 8): end of processing, judged.</summary>
    Stopped,

    /// <summary><c>processed</c> (status 9): end of processing, judged.</summary>
    Processed,

    /// <summary><c>returned</c> (status 10): result returned; ends processing when no end came before it.</summary>
    Returned,

    /// <summary><c>rescheduled</c>: apology and new date (<c>newDueAt</c>); once per dossier.</summary>
    Rescheduled,
}
