namespace SlaGrid.Client.Tests.Fakes;

/// <summary>An error the fake silo answers to one event post.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="RetryAfterSeconds">The Retry-After header, if any.</param>
/// <param name="AfterCommit">True: the events are stored first and only the answer fails (a lost answer).</param>
/// <param name="WithProblem">Whether the body is a problem (else plain text).</param>
public sealed record InjectedFailure(int Status, int? RetryAfterSeconds = null, bool AfterCommit = false, bool WithProblem = true);
