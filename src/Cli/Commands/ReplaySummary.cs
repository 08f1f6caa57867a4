using SlaGrid.Client;

namespace SlaGrid.Cli.Commands;

/// <summary>The tally of a replay: thread-safe.</summary>
internal sealed class ReplaySummary
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, long> _rejected = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _failed = new(StringComparer.Ordinal);

    public long Accepted { get; private set; }

    public long Duplicate { get; private set; }

    public long Invalid { get; private set; }

    /// <summary>Whether some event failed because the silo refused the request (a 4xx), rather than being unreachable.</summary>
    public bool RefusedByServer { get; private set; }

    public long Rejected
    {
        get
        {
            lock (_gate)
            {
                return _rejected.Values.Sum();
            }
        }
    }

    public long Failed
    {
        get
        {
            lock (_gate)
            {
                return _failed.Values.Sum();
            }
        }
    }

    public long Done
    {
        get
        {
            lock (_gate)
            {
                return Accepted + Duplicate + Invalid + _rejected.Values.Sum() + _failed.Values.Sum();
            }
        }
    }

    public IReadOnlyList<KeyValuePair<string, long>> RejectedByCode
    {
        get
        {
            lock (_gate)
            {
                return [.. _rejected];
            }
        }
    }

    public IReadOnlyList<KeyValuePair<string, long>> FailedByReason
    {
        get
        {
            lock (_gate)
            {
                return [.. _failed];
            }
        }
    }

    public void Add(EventResult result)
    {
        lock (_gate)
        {
            switch (result.Outcome)
            {
                case EventOutcome.Accepted:
                    Accepted++;
                    break;
                case EventOutcome.Duplicate:
                    Duplicate++;
                    break;
                case EventOutcome.Rejected:
                    Increment(_rejected, result.Error?.Code ?? "unknown");
                    break;
                default:
                    var reason = result.Exception switch
                    {
                        SlaGridApiException api => api.Code,
                        HttpRequestException => "unreachable",
                        OperationCanceledException => "timeout",
                        { } e => e.GetType().Name,
                        null => "unknown",
                    };
                    if (result.Exception is SlaGridApiException { StatusCode: < System.Net.HttpStatusCode.InternalServerError })
                    {
                        RefusedByServer = true;
                    }

                    Increment(_failed, reason);
                    break;
            }
        }
    }

    public void AddInvalid()
    {
        lock (_gate)
        {
            Invalid++;
        }
    }

    /// <summary>The exit code: 4 (or 3) when events failed, 1 when some were rejected or invalid, else 0.</summary>
    public int ExitCode =>
        Failed > 0 ? (RefusedByServer ? ExitCodes.ServerRefused : ExitCodes.Unreachable)
        : Rejected > 0 || Invalid > 0 ? ExitCodes.NotAccepted
        : ExitCodes.Ok;

    private static void Increment(SortedDictionary<string, long> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
