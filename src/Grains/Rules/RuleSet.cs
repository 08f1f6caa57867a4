using SlaGrid.Grains.Clock;

namespace SlaGrid.Grains.Rules;

/// <summary>
/// A versioned set of clock rules (rule 11), selected by a dossier's receipt date. Today's sets behave alike;
/// each carries its own <see cref="ClockPolicy"/> so that a future difference is data, not code.
/// </summary>
/// <param name="Id">Stable id stored with the dossier (e.g. <c>vn-decree-118-2025</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="EffectiveFrom">First receipt date (local) the set applies to.</param>
/// <param name="Policy">The set's policy values.</param>
/// <param name="LegalBasis">The instruments it implements.</param>
public sealed record RuleSet(string Id, string Name, DateOnly EffectiveFrom, ClockPolicy Policy, IReadOnlyList<string> LegalBasis);
