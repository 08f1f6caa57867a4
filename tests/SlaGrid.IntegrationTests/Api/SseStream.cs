using System.Net.Http.Headers;
using System.Text;

namespace SlaGrid.IntegrationTests.Api;

/// <summary>
/// A raw <c>text/event-stream</c> reader over one GET: events are parsed as the spec says (fields, a blank line ends
/// an event, comments ignored) and kept; <see cref="NextAsync"/> takes the first one not yet taken that matches,
/// whenever it arrived, so the order in which a test asks does not have to be the order of the wire.
/// </summary>
public sealed class SseStream : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpResponseMessage _response;
    private readonly List<SseEvent> _seen = [];
    private readonly HashSet<int> _taken = [];
    private readonly Task _reader;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _ended;

    private SseStream(HttpResponseMessage response)
    {
        _response = response;
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>The response (status, headers).</summary>
    public HttpResponseMessage Response => _response;

    /// <summary>Every event received so far, taken or not, in wire order.</summary>
    public IReadOnlyList<SseEvent> Seen
    {
        get
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }

    /// <summary>Opens the stream; the caller checks <see cref="Response"/>.</summary>
    public static async Task<SseStream> OpenAsync(HttpClient http, string path, string? lastEventId = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new SseStream(response);
    }

    /// <summary>The first event not yet taken that matches <paramref name="match"/>, waiting up to <paramref name="timeout"/>.</summary>
    public async Task<SseEvent> NextAsync(Func<SseEvent, bool> match, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            Task arrived;
            lock (_seen)
            {
                for (var i = 0; i < _seen.Count; i++)
                {
                    if (!_taken.Contains(i) && match(_seen[i]))
                    {
                        _taken.Add(i);
                        return _seen[i];
                    }
                }

                if (_ended)
                {
                    throw new InvalidOperationException("The event stream ended before a matching event arrived; seen: " + Describe());
                }

                arrived = _arrived.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || await Task.WhenAny(arrived, Task.Delay(left)) != arrived)
            {
                lock (_seen)
                {
                    throw new TimeoutException("No matching server-sent event arrived in time; seen: " + Describe());
                }
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        try
        {
            await _reader;
        }
        catch (Exception)
        {
            // The stream was cut by the dispose itself.
        }

        _stop.Dispose();
    }

    private string Describe() => string.Join(" | ", _seen.Select(e => $"{e.Name} {e.Id} {e.Data}"));

    private void Add(SseEvent e, bool end = false)
    {
        TaskCompletionSource signal;
        lock (_seen)
        {
            if (!end)
            {
                _seen.Add(e);
            }

            _ended |= end;
            signal = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signal.TrySetResult();
    }

    private async Task ReadAsync()
    {
        try
        {
            await using var body = await _response.Content.ReadAsStreamAsync(_stop.Token);
            using var reader = new StreamReader(body, Encoding.UTF8);
            string? name = null, id = null;
            var data = new StringBuilder();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Length > 0 || name is not null)
                    {
                        Add(new SseEvent(name ?? "message", id, data.ToString()));
                    }

                    name = id = null;
                    data.Clear();
                    continue;
                }

                if (line.StartsWith(':'))
                {
                    continue;
                }

                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var field = colon < 0 ? line : line[..colon];
                var value = colon < 0 ? string.Empty : line[(colon + 1)..].TrimStart(' ');
                switch (field)
                {
                    case "event": name = value; break;
                    case "id": id = value; break;
                    case "data": data.Append(data.Length > 0 ? "\n" : string.Empty).Append(value); break;
                    default: break;
                }
            }
        }
        finally
        {
            Add(new SseEvent("end", null, string.Empty), end: true);
        }
    }
}
