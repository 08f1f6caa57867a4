namespace SlaGrid.Grains.Calendar;

/// <summary>One office period of a concrete date, as instants (offset +07:00), half-open [Start, End).</summary>
/// <param name="Start">When the period opens.</param>
/// <param name="End">When it closes.</param>
public readonly record struct OfficeInterval(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The length of the interval.</summary>
    public TimeSpan Length => End - Start;
}
