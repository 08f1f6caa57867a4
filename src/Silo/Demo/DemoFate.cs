namespace SlaGrid.Silo.Demo;

/// <summary>How a simulated dossier's story ends.</summary>
internal enum DemoFate
{
    /// <summary>Processed before its due time (early or on time), after any pauses.</summary>
    InTime,

    /// <summary>Processed after its due time (within about three working days).</summary>
    Late,

    /// <summary>Processed long after its due time (escalated on the way).</summary>
    Stuck,

    /// <summary>Refused after receipt (không được tiếp nhận).</summary>
    Refused,

    /// <summary>Withdrawn by the citizen.</summary>
    Withdrawn,
}
