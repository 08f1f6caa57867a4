namespace SlaGrid.Silo.Hosting;

/// <summary>The silo's wiring, named for what it adds, so that <c>Program.cs</c> stays a few lines.</summary>
public static class SlaGridHostExtensions
{
    /// <summary>The default address the silo listens on.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Adds SlaGrid's services and binds the default address unless one was configured.</summary>
    public static WebApplicationBuilder AddSlaGrid(this WebApplicationBuilder builder, string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        _ = args;
        return builder;
    }

    /// <summary>Maps SlaGrid's endpoints.</summary>
    public static WebApplication MapSlaGrid(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/healthz", () => Results.Text("ok", "text/plain"));
        return app;
    }
}
