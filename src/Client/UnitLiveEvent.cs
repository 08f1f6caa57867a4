namespace SlaGrid.Client;

/// <summary>One event of a unit's live feed: a <see cref="UnitLiveStats"/> or a <see cref="UnitLiveAlert"/>.</summary>
public abstract record UnitLiveEvent;
