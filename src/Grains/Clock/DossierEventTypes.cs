using System.Diagnostics.CodeAnalysis;

namespace SlaGrid.Grains.Clock;

/// <summary>The API strings of <see cref="DossierEventType"/> (snake_case, exact, case-sensitive).</summary>
public static class DossierEventTypes
{
    private static readonly string[] Names =
    [
        "submitted", "received", "refused", "assigned", "supplement_requested", "supplement_received",
        "fee_requested", "fee_paid", "withdrawn", "stopped", "processed", "returned", "rescheduled",
    ];

    /// <summary>Every API string, in enum order.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The API string of a type (e.g. <c>supplement_requested</c>).</summary>
    public static string ToApiString(this DossierEventType type) =>
        (int)type >= 0 && (int)type < Names.Length ? Names[(int)type] : throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown event type.");

    /// <summary>Parses an API string exactly; false for anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DossierEventType type)
    {
        var i = text is null ? -1 : Array.IndexOf(Names, text);
        type = (DossierEventType)Math.Max(i, 0);
        return i >= 0;
    }

    /// <summary>Parses an API string exactly.</summary>
    /// <exception cref="FormatException">Not an event type.</exception>
    public static DossierEventType Parse(string text) =>
        TryParse(text, out var t) ? t : throw new FormatException($"\"{text}\" is not an event type.");

    /// <summary>Whether the type ends processing on its own (<c>processed</c>, <c>refused</c>, <c>stopped</c>, <c>withdrawn</c>).</summary>
    public static bool IsEnd(this DossierEventType type) =>
        type is DossierEventType.Processed or DossierEventType.Refused or DossierEventType.Stopped or DossierEventType.Withdrawn;
}
