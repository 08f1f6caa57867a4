namespace SlaGrid.Grains.Clock;

/// <summary>Why an event is rejected: a stable code (<see cref="ClockErrorCodes"/>) and a human message.</summary>
/// <param name="Code">Stable snake_case code.</param>
/// <param name="Message">Explanation for people; wording may change.</param>
public sealed record ClockError(string Code, string Message);
