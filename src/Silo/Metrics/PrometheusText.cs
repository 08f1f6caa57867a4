using System.Buffers;
using System.Globalization;
using System.Text;

namespace SlaGrid.Silo.Metrics;

/// <summary>Escaping and number formatting of the Prometheus text format 0.0.4, writing UTF-8.</summary>
internal static class PrometheusText
{
    /// <summary>Escapes a <c># HELP</c> text: backslash and line feed.</summary>
    public static string EscapeHelp(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Escapes a label value: backslash, double quote and line feed.</summary>
    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Formats a sample value: invariant, shortest round-trip, with <c>+Inf</c>, <c>-Inf</c> and <c>NaN</c>.</summary>
    public static string FormatDouble(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>Formats a tag value as label text (before escaping); null is empty.</summary>
    public static string FormatTagValue(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        double d => FormatDouble(d),
        float f => FormatDouble(f),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Writes a sample value.</summary>
    public static void WriteDouble(IBufferWriter<byte> writer, double value)
    {
        if (!double.IsFinite(value))
        {
            WriteAscii(writer, FormatDouble(value));
            return;
        }

        // Counts are whole numbers: formatting them as integers is several times cheaper than round-trip doubles.
        if (Math.Abs(value) < 1e15 && value == Math.Truncate(value))
        {
            WriteLong(writer, (long)value);
            return;
        }

        var span = writer.GetSpan(32);
        if (!value.TryFormat(span, out var written, "R", CultureInfo.InvariantCulture))
        {
            WriteAscii(writer, FormatDouble(value));
            return;
        }

        writer.Advance(written);
    }

    /// <summary>Writes an integer sample value (bucket counts, <c>_count</c>).</summary>
    public static void WriteLong(IBufferWriter<byte> writer, long value)
    {
        var span = writer.GetSpan(20);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        writer.Advance(written);
    }

    /// <summary>Writes bytes as they are.</summary>
    public static void Write(IBufferWriter<byte> writer, ReadOnlySpan<byte> bytes)
    {
        var span = writer.GetSpan(bytes.Length);
        bytes.CopyTo(span);
        writer.Advance(bytes.Length);
    }

    /// <summary>Writes one byte.</summary>
    public static void Write(IBufferWriter<byte> writer, byte value)
    {
        writer.GetSpan(1)[0] = value;
        writer.Advance(1);
    }

    /// <summary>Writes text as UTF-8.</summary>
    public static void WriteAscii(IBufferWriter<byte> writer, string text)
    {
        var span = writer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        writer.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
