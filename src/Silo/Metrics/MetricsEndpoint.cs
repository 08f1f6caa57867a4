namespace SlaGrid.Silo.Metrics;

/// <summary>Answers a scrape: the exporter's text, with the exact 0.0.4 content type and its length.</summary>
internal static class MetricsEndpoint
{
    /// <summary>Writes a scrape to the response.</summary>
    public static async Task ServeAsync(HttpContext context, PrometheusExporter exporter)
    {
        using var buffer = exporter.Render();
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = PrometheusExporter.ContentType;
        response.Headers.CacheControl = "no-store";
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }
}
