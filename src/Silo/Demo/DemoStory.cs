using SlaGrid.Client.Contracts;

namespace SlaGrid.Silo.Demo;

/// <summary>One simulated dossier: its events in time order, and how it was meant to end.</summary>
/// <param name="DossierId">The dossier.</param>
/// <param name="Fate">The ending the story was written for.</param>
/// <param name="Events">Its events, strictly increasing in <see cref="DossierEvent.At"/>.</param>
internal sealed record DemoStory(string DossierId, DemoFate Fate, IReadOnlyList<DossierEvent> Events);
