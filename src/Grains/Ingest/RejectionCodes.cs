namespace SlaGrid.Grains.Ingest;

/// <summary>
/// Stable codes of per-event rejections that are found before the dossier's clock sees the event (the clock's
/// own codes, such as <c>reschedule_limit</c>, are documented with it). docs/api.md lists them all.
/// </summary>
public static class RejectionCodes
{
    /// <summary>The element is not a JSON object.</summary>
    public const string InvalidEvent = "invalid_event";

    /// <summary>A required field is missing or empty.</summary>
    public const string MissingField = "missing_field";

    /// <summary>A field has the wrong JSON type, a malformed value, or a time without an offset.</summary>
    public const string InvalidField = "invalid_field";

    /// <summary>The type is not one of the API's event types.</summary>
    public const string UnknownType = "unknown_type";

    /// <summary>A time is before 2000-01-01 or more than a year ahead of the silo's clock.</summary>
    public const string TimeOutOfRange = "time_out_of_range";

    /// <summary>The event names a unit the silo does not know.</summary>
    public const string UnknownUnit = "unknown_unit";

    /// <summary>The event names an officer the silo does not know.</summary>
    public const string UnknownOfficer = "unknown_officer";

    /// <summary>The event names a procedure the silo does not know.</summary>
    public const string UnknownProcedure = "unknown_procedure";

    /// <summary>The event id is already used by an event of another dossier.</summary>
    public const string EventIdConflict = "event_id_conflict";

    /// <summary>
    /// The event is for a dossier that was never received (no accepted <c>received</c>); the clock's own
    /// <c>not_received</c> remains for an event timed before the receipt of a dossier that was received.
    /// </summary>
    public const string UnknownDossier = "unknown_dossier";

    /// <summary>The key's unit scope does not cover the dossier's unit.</summary>
    public const string OutOfScope = "out_of_scope";
}
