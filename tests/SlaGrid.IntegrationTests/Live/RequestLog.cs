using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace SlaGrid.IntegrationTests.Live;

/// <summary>
/// Records every request the silo receives (first in its pipeline), and the status it answered, so that a test can
/// check what the operations page really sent to the real API. Register it as an <see cref="IStartupFilter"/>.
/// </summary>
public sealed class RequestLog : IStartupFilter
{
    private readonly ConcurrentQueue<RecordedCall> _calls = new();

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedCall> Calls => [.. _calls];

    /// <summary>The browser's requests to <c>/api/</c>.</summary>
    public IReadOnlyList<RecordedCall> BrowserApiCalls => [.. _calls.Where(c => c.FromBrowser && c.Path.StartsWith("/api/", StringComparison.Ordinal))];

    /// <summary>How many browser requests match <paramref name="method"/> and <paramref name="path"/>.</summary>
    public int Count(string method, string path) =>
        _calls.Count(c => c.FromBrowser && c.Method == method && c.Path == path);

    /// <inheritdoc />
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, proceed) =>
        {
            var request = context.Request;
            var call = new RecordedCall(
                request.Method,
                request.Path.Value ?? string.Empty,
                request.QueryString.Value ?? string.Empty,
                request.Headers.Authorization.FirstOrDefault(),
                request.Headers.Accept.FirstOrDefault(),
                request.Headers.UserAgent.FirstOrDefault(),
                request.Headers["Last-Event-ID"].FirstOrDefault());
            _calls.Enqueue(call);
            context.Response.OnStarting(() =>
            {
                call.Status = context.Response.StatusCode;
                return Task.CompletedTask;
            });
            await proceed(context);
            call.Status = context.Response.StatusCode;
        });
        next(app);
    };
}
