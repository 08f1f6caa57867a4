using System.Net;
using SlaGrid.Client.Contracts;

namespace SlaGrid.Client;

/// <summary>
/// The silo answered an error status. <see cref="Code"/> is the problem's stable machine code (see
/// <see cref="ErrorCodes"/>), or <c>http_&lt;status&gt;</c> when the answer had no problem body.
/// Network failures are not this exception: they surface as <see cref="HttpRequestException"/>.
/// </summary>
public sealed class SlaGridApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="code">The stable machine code.</param>
    /// <param name="problem">The problem body, when there was one.</param>
    /// <param name="retryAfter">The server's <c>Retry-After</c>, as a delay from now.</param>
    /// <param name="message">A sentence for people.</param>
    public SlaGridApiException(HttpStatusCode statusCode, string code, Problem? problem, TimeSpan? retryAfter, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
        Problem = problem;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The stable machine code: <see cref="Problem.Code"/>, or <c>http_&lt;status&gt;</c> without a problem body.</summary>
    public string Code { get; }

    /// <summary>The problem body, when the answer had one.</summary>
    public Problem? Problem { get; }

    /// <summary>The server's <c>Retry-After</c> as a delay from when the answer was read (429 and 503 carry it).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Whether trying again later may succeed (408, 429, 500, 502, 503, 504).</summary>
    public bool IsTransient => StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
        or HttpStatusCode.GatewayTimeout;
}
