using SlaGrid.Client.Contracts;

namespace SlaGrid.Bench.EndToEnd;

/// <summary>An event the driver is about to send, with what the source needs back when it is answered.</summary>
/// <param name="Event">The event.</param>
/// <param name="DossierIndex">The source's dossier index (-1 for none).</param>
/// <param name="Countable">Whether it moves the nation's received + finished total by exactly one when accepted.</param>
internal readonly record struct PlannedEvent(DossierEvent Event, long DossierIndex, bool Countable);
