using SlaGrid.Grains.Grid;
using SlaGrid.Grains.Persistence;
using SlaGrid.Runtime.Deadlines;

namespace SlaGrid.Silo.Api;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (store reachable, counts rebuilt, deadlines armed).</summary>
public static class HealthEndpoints
{
    /// <summary>Maps both.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok", "text/plain"));
        app.MapGet("/readyz", async (ISlaGridStorage storage, GridBootstrap grid, IDeadlineService deadlines, CancellationToken ct) =>
        {
            var storageOk = false;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(3));
                storageOk = await storage.PingAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                storageOk = false;
            }

            var body = new Dictionary<string, object>
            {
                ["storage"] = storageOk ? "ok" : "unreachable",
                ["grid"] = grid.IsReady ? "ok" : "starting",
                ["deadlines"] = deadlines.IsArmed ? "armed" : "arming",
            };
            var ready = storageOk && grid.IsReady && deadlines.IsArmed;
            return ready ? Results.Json(body) : Results.Json(body, statusCode: 503);
        });
        return app;
    }
}
