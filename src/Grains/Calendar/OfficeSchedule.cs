namespace SlaGrid.Grains.Calendar;

/// <summary>
/// A unit's office hours and whether it counts Saturdays as working days (policy, per unit).
/// Defaults: [08:00–12:00], [13:00–17:00]; Saturdays not counted.
/// </summary>
public sealed record OfficeSchedule
{
    /// <summary>The national default: 08:00–12:00 and 13:00–17:00, Monday to Friday.</summary>
    public static OfficeSchedule Default { get; } = new();

    /// <summary>The office periods of every working day, sorted, non-overlapping, at least one.</summary>
    public IReadOnlyList<OfficePeriod> OfficeHours { get; init; } =
        [new(new TimeOnly(8, 0), new TimeOnly(12, 0)), new(new TimeOnly(13, 0), new TimeOnly(17, 0))];

    /// <summary>Whether Saturdays (not holidays) are working days for deadlines. Default false.</summary>
    public bool CountSaturdays { get; init; }

    /// <summary>Throws when the schedule cannot define working time (no periods, empty, unsorted or overlapping ones).</summary>
    /// <exception cref="ArgumentException">The schedule is invalid.</exception>
    public void Validate()
    {
        if (OfficeHours is null || OfficeHours.Count == 0)
        {
            throw new ArgumentException("Office hours need at least one period.", nameof(OfficeHours));
        }

        for (var i = 0; i < OfficeHours.Count; i++)
        {
            var p = OfficeHours[i];
            if (p.End <= p.Start)
            {
                throw new ArgumentException($"Office period {p} must end after it starts.", nameof(OfficeHours));
            }

            if (i > 0 && p.Start < OfficeHours[i - 1].End)
            {
                throw new ArgumentException($"Office period {p} overlaps or precedes {OfficeHours[i - 1]}; periods must be sorted and disjoint.", nameof(OfficeHours));
            }
        }
    }

    /// <summary>Equal when the periods and the Saturday flag are equal.</summary>
    public bool Equals(OfficeSchedule? other) =>
        other is not null && CountSaturdays == other.CountSaturdays && OfficeHours.SequenceEqual(other.OfficeHours);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(CountSaturdays);
        foreach (var p in OfficeHours)
        {
            hash.Add(p);
        }

        return hash.ToHashCode();
    }
}
