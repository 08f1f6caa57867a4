namespace SlaGrid.Grains.Clock;

/// <summary>
/// Field checks that need no history: ids present, and per type: <c>received</c> needs unitId and procedureCode;
/// <c>assigned</c> needs unitId and/or officerId; <c>rescheduled</c> needs newDueAt. Code <c>missing_field</c>.
/// </summary>
public static class DossierEventValidator
{
    /// <summary>The first problem of <paramref name="e"/>, or null when its fields are complete.</summary>
    public static ClockError? Validate(DossierEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (string.IsNullOrWhiteSpace(e.EventId))
        {
            return Missing("eventId", e);
        }

        if (string.IsNullOrWhiteSpace(e.DossierId))
        {
            return Missing("dossierId", e);
        }

        if (!Enum.IsDefined(e.Type))
        {
            return new ClockError(ClockErrorCodes.MissingField, $"Event {e.EventId} has no valid type.");
        }

        return e.Type switch
        {
            DossierEventType.Received when string.IsNullOrWhiteSpace(e.UnitId) => Missing("unitId", e),
            DossierEventType.Received when string.IsNullOrWhiteSpace(e.ProcedureCode) => Missing("procedureCode", e),
            DossierEventType.Assigned when string.IsNullOrWhiteSpace(e.UnitId) && string.IsNullOrWhiteSpace(e.OfficerId) =>
                new ClockError(ClockErrorCodes.MissingField, $"Event {e.EventId} (assigned) needs unitId and/or officerId."),
            DossierEventType.Rescheduled when e.NewDueAt is null => Missing("newDueAt", e),
            _ => null,
        };
    }

    private static ClockError Missing(string field, DossierEvent e) =>
        new(ClockErrorCodes.MissingField, $"Event {e.EventId} ({(Enum.IsDefined(e.Type) ? e.Type.ToApiString() : "?")}) lacks {field}.");
}
