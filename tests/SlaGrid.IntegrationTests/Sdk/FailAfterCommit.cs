using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace SlaGrid.IntegrationTests.Sdk;

/// <summary>
/// A fault injector put in front of the silo's pipeline: the first <see cref="Failures"/> <c>POST /api/v1/events</c>
/// run normally (their events are committed) and then their answer is thrown away and replaced by
/// <c>503</c> with <c>Retry-After: 1</c>, as if the connection failed after the commit.
/// </summary>
public sealed class FailAfterCommit : IStartupFilter
{
    private int _remaining;

    /// <summary>How many answers to replace (default 0).</summary>
    public int Failures
    {
        get => Volatile.Read(ref _remaining);
        set => Volatile.Write(ref _remaining, value);
    }

    /// <summary>How many answers were replaced.</summary>
    public int Injected { get; private set; }

    /// <inheritdoc />
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, proceed) =>
        {
            if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != "/api/v1/events" || Interlocked.Decrement(ref _remaining) < 0)
            {
                await proceed(context);
                return;
            }

            var original = context.Response.Body;
            using var swallowed = new MemoryStream();
            context.Response.Body = swallowed;
            try
            {
                await proceed(context);
            }
            finally
            {
                context.Response.Body = original;
            }

            Injected++;
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsync("""{"type":"https://slagrid.dev/problems/unavailable","title":"Injected","status":503,"code":"unavailable"}""");
        });
        next(app);
    };
}
