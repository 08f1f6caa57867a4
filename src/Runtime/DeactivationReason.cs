namespace SlaGrid.Runtime;

/// <summary>Why an activation is being deactivated, with a human-readable description (Orleans' <c>DeactivationReason</c>).</summary>
/// <param name="ReasonCode">The reason.</param>
/// <param name="Description">A description for logs.</param>
public readonly record struct DeactivationReason(DeactivationReasonCode ReasonCode, string Description)
{
    /// <inheritdoc />
    public override string ToString() => $"{ReasonCode}: {Description}";
}
