namespace SlaGrid.Grains.Calendar;

/// <summary>One office period of a working day in local time, half-open: [<see cref="Start"/>, <see cref="End"/>).</summary>
/// <param name="Start">First instant of the period (e.g. 08:00).</param>
/// <param name="End">End of the period (e.g. 12:00); must be after <paramref name="Start"/>.</param>
public readonly record struct OfficePeriod(TimeOnly Start, TimeOnly End)
{
    /// <summary>The length of the period.</summary>
    public TimeSpan Length => End - Start;

    /// <summary>Parses <c>"08:00"</c>, <c>"12:00"</c> style bounds (HH:mm or HH:mm:ss, invariant).</summary>
    /// <exception cref="FormatException">A bound is not a time of day.</exception>
    public static OfficePeriod Parse(string start, string end) =>
        new(TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public override string ToString() =>
        $"{Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)}–{End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)}";
}
