using System.Globalization;
using System.Text;

namespace SlaGrid.Client.Sse;

/// <summary>
/// An incremental <c>text/event-stream</c> parser following the WHATWG HTML "server-sent events" interpretation
/// rules: lines end with CRLF, LF or CR (also when split across chunks); <c>:</c> lines are comments; a field's
/// value loses one leading space; <c>data</c> lines are joined with LF; <c>id</c> sets the last event id (kept
/// across events and reconnections, taken at the blank line, ignored when it contains NUL); <c>retry</c> sets the reconnection time when
/// all digits; unknown fields are ignored; a blank line dispatches, unless no <c>data</c> came.
/// </summary>
internal sealed class SseParser
{
    private readonly StringBuilder _line = new();
    private readonly StringBuilder _data = new();
    private string _eventType = string.Empty;
    private bool _afterCarriageReturn;
    private bool _hasData;

    private string _idBuffer = string.Empty;
    private string _lastEventId = string.Empty;

    /// <summary>
    /// The spec's "last event ID string": the id buffer as it was at the latest blank line, so that the id of an
    /// event cut off by a drop is not taken. Survives reconnection; sent as <c>Last-Event-ID</c>.
    /// </summary>
    public string LastEventId
    {
        get => _lastEventId;
        set
        {
            _lastEventId = value ?? string.Empty;
            _idBuffer = _lastEventId;
        }
    }

    /// <summary>The reconnection time the server asked for with <c>retry:</c>, if it did.</summary>
    public TimeSpan? Retry { get; private set; }

    /// <summary>How many comment lines were seen (keepalives).</summary>
    public long Comments { get; private set; }

    /// <summary>Feeds decoded characters; completed events are appended to <paramref name="output"/>.</summary>
    public void Feed(ReadOnlySpan<char> chunk, List<SseMessage> output)
    {
        foreach (var c in chunk)
        {
            if (c == '\r')
            {
                EndLine(output);
                _afterCarriageReturn = true;
                continue;
            }

            if (c == '\n')
            {
                if (!_afterCarriageReturn)
                {
                    EndLine(output);
                }

                _afterCarriageReturn = false;
                continue;
            }

            _afterCarriageReturn = false;
            _line.Append(c);
        }
    }

    /// <summary>Forgets a partly received event (the connection dropped); keeps <see cref="LastEventId"/> and <see cref="Retry"/>.</summary>
    public void ResetConnection()
    {
        _line.Clear();
        _data.Clear();
        _eventType = string.Empty;
        _hasData = false;
        _afterCarriageReturn = false;
        _idBuffer = _lastEventId;
    }

    private void EndLine(List<SseMessage> output)
    {
        if (_line.Length == 0)
        {
            Dispatch(output);
            return;
        }

        var line = _line.ToString();
        _line.Clear();
        if (line[0] == ':')
        {
            Comments++;
            return;
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        string field;
        string value;
        if (colon < 0)
        {
            field = line;
            value = string.Empty;
        }
        else
        {
            field = line[..colon];
            var start = colon + 1;
            if (start < line.Length && line[start] == ' ')
            {
                start++;
            }

            value = line[start..];
        }

        switch (field)
        {
            case "event":
                _eventType = value;
                break;
            case "data":
                _data.Append(value).Append('\n');
                _hasData = true;
                break;
            case "id":
                if (!value.Contains('\0', StringComparison.Ordinal))
                {
                    _idBuffer = value;
                }

                break;
            case "retry":
                if (value.Length > 0 && value.All(char.IsAsciiDigit)
                    && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
                {
                    Retry = TimeSpan.FromMilliseconds(ms);
                }

                break;
            default:
                break;
        }
    }

    private void Dispatch(List<SseMessage> output)
    {
        _lastEventId = _idBuffer;
        if (!_hasData)
        {
            _data.Clear();
            _eventType = string.Empty;
            return;
        }

        // Remove the last LF that the final data line added.
        _data.Length--;
        output.Add(new SseMessage(_eventType.Length == 0 ? "message" : _eventType, _data.ToString(), LastEventId));
        _data.Clear();
        _eventType = string.Empty;
        _hasData = false;
    }
}
