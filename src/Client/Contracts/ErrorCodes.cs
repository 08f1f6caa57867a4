namespace SlaGrid.Client.Contracts;

/// <summary>
/// Stable machine codes: the <c>code</c> of a <see cref="Problem"/> and of a rejected event's <see cref="EventError"/>.
/// Treat a code that is not listed here as opaque: the list only grows.
/// </summary>
public static class ErrorCodes
{
    /// <summary>401: no key, or a key that is unknown or revoked.</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>403: the key's role or unit scope does not allow the call.</summary>
    public const string Forbidden = "forbidden";

    /// <summary>404: the resource does not exist (or is outside the key's scope's knowledge).</summary>
    public const string NotFound = "not_found";

    /// <summary>400: the body is not JSON, or not of the expected shape (a malformed batch).</summary>
    public const string MalformedJson = "malformed_json";

    /// <summary>400: the body parsed but a field is missing or invalid; <see cref="Problem.Errors"/> names them.</summary>
    public const string ValidationFailed = "validation_failed";

    /// <summary>413: the batch or body is larger than the silo accepts.</summary>
    public const string PayloadTooLarge = "payload_too_large";

    /// <summary>429: too many requests; honour <c>Retry-After</c>.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>503: not ready or shedding load; honour <c>Retry-After</c>.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>500: an unexpected failure in the silo.</summary>
    public const string InternalError = "internal_error";

    /// <summary>Rejected event: <c>type</c> is not one of <see cref="EventTypes"/>.</summary>
    public const string UnknownType = "unknown_type";

    /// <summary>Rejected event: a field its type needs is missing or malformed.</summary>
    public const string MissingField = "missing_field";

    /// <summary>Rejected event: it names a unit the grid does not know.</summary>
    public const string UnknownUnit = "unknown_unit";

    /// <summary>Rejected event: it names a procedure the grid does not know.</summary>
    public const string UnknownProcedure = "unknown_procedure";

    /// <summary>Rejected event: it names an officer the grid does not know.</summary>
    public const string UnknownOfficer = "unknown_officer";

    /// <summary>Rejected event: its dossier was never received.</summary>
    public const string UnknownDossier = "unknown_dossier";

    /// <summary>Rejected event: a second <c>rescheduled</c> for the dossier.</summary>
    public const string RescheduleLimit = "reschedule_limit";

    /// <summary>
    /// Client side only (never sent by the silo): the prefix of the code the SDK gives an error answer that had no
    /// problem body, followed by the status code, e.g. <c>http_502</c>.
    /// </summary>
    public const string HttpStatusPrefix = "http_";

    /// <summary>403: the key's unit scope does not cover the unit, dossier, officer or alert.</summary>
    public const string OutOfScope = "out_of_scope";

    /// <summary>400: the events body is JSON but not an array.</summary>
    public const string MalformedBatch = "malformed_batch";

    /// <summary>400: a query parameter is malformed (dates, state, kind).</summary>
    public const string InvalidQuery = "invalid_query";

    /// <summary>400: a units upsert would leave the tree with an unknown parent or a cycle.</summary>
    public const string InvalidTree = "invalid_tree";

    /// <summary>503: the silo is starting (rebuilding counts from the store).</summary>
    public const string Starting = "starting";

    /// <summary>503: the silo did not finish in time; the outcome is unknown (retry with the same event ids).</summary>
    public const string Timeout = "timeout";

    /// <summary>Rejected event: the element is not a JSON object.</summary>
    public const string InvalidEvent = "invalid_event";

    /// <summary>Rejected event: a field has the wrong type or format (e.g. a time without an offset).</summary>
    public const string InvalidField = "invalid_field";

    /// <summary>Rejected event: a time before 2000 or more than a year ahead.</summary>
    public const string TimeOutOfRange = "time_out_of_range";

    /// <summary>Rejected event: the event id is already used by another dossier.</summary>
    public const string EventIdConflict = "event_id_conflict";
}
