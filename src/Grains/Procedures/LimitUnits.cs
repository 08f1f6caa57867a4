using System.Diagnostics.CodeAnalysis;

namespace SlaGrid.Grains.Procedures;

/// <summary>The API strings of <see cref="LimitUnit"/>: exactly <c>working_days</c>, <c>days</c>, <c>working_hours</c> (case-sensitive).</summary>
public static class LimitUnits
{
    /// <summary><c>working_days</c></summary>
    public const string WorkingDays = "working_days";

    /// <summary><c>days</c></summary>
    public const string Days = "days";

    /// <summary><c>working_hours</c></summary>
    public const string WorkingHours = "working_hours";

    /// <summary>The API string of a unit.</summary>
    public static string ToApiString(this LimitUnit unit) => unit switch
    {
        LimitUnit.WorkingDays => WorkingDays,
        LimitUnit.Days => Days,
        LimitUnit.WorkingHours => WorkingHours,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown limit unit."),
    };

    /// <summary>Parses an API string exactly; false for anything else (including other casing).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out LimitUnit unit)
    {
        switch (text)
        {
            case WorkingDays: unit = LimitUnit.WorkingDays; return true;
            case Days: unit = LimitUnit.Days; return true;
            case WorkingHours: unit = LimitUnit.WorkingHours; return true;
            default: unit = default; return false;
        }
    }

    /// <summary>Parses an API string exactly.</summary>
    /// <exception cref="FormatException">Not one of the three strings.</exception>
    public static LimitUnit Parse(string text) =>
        TryParse(text, out var unit) ? unit : throw new FormatException($"\"{text}\" is not a limit unit (working_days, days, working_hours).");
}
