namespace SlaGrid.Grains.Procedures;

/// <summary>A procedure's legal time limit, e.g. 5 <c>working_days</c>.</summary>
public sealed record ProcedureLimit
{
    /// <summary>A limit of <paramref name="value"/> <paramref name="unit"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative, or 0 with a unit other than working days.</exception>
    public ProcedureLimit(int value, LimitUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (value == 0 && unit == LimitUnit.WorkingHours)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "A limit of 0 working hours has no meaning; use 0 working_days for same-day procedures.");
        }

        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown limit unit.");
        }

        Value = value;
        Unit = unit;
    }

    /// <summary>The amount (0 with <see cref="LimitUnit.WorkingDays"/> means same day).</summary>
    public int Value { get; }

    /// <summary>The unit.</summary>
    public LimitUnit Unit { get; }

    /// <summary>Parses the API form (<c>{"value":5,"unit":"working_days"}</c>'s two fields).</summary>
    /// <exception cref="FormatException">Unknown unit.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Bad value.</exception>
    public static ProcedureLimit Parse(int value, string unit) => new(value, LimitUnits.Parse(unit));

    /// <inheritdoc />
    public override string ToString() => $"{Value} {Unit.ToApiString()}";
}
