namespace SlaGrid.Grains.Calendar;

/// <summary>What a calendar entry makes of its date.</summary>
public enum CalendarDayKind
{
    /// <summary>A day off (holiday, compensatory day, swapped-out bridge day, or a rest day inside an official break).</summary>
    Holiday,

    /// <summary>A make-up working day (usually a Saturday swapped in by the yearly notice).</summary>
    MakeUpWorkday,
}
