using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SlaGrid.Client;
using SlaGrid.IntegrationTests.Infrastructure;
using SlaGrid.Silo.Security;

namespace SlaGrid.IntegrationTests.Demo;

/// <summary>
/// One silo in demo mode for the class (as <c>--demo --speed 600</c> with 8 communes), on SQLite, with no admin key
/// configured; <see cref="Client"/> and <see cref="Http"/> use the key the demo generated.
/// </summary>
public sealed class DemoSiloFixture : IAsyncLifetime
{
    /// <summary>The silo.</summary>
    public TestSilo Silo { get; private set; } = null!;

    /// <summary>The SDK with the generated admin key.</summary>
    public SlaGridClient Client { get; private set; } = null!;

    /// <summary>An HttpClient with the generated admin key.</summary>
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Silo = await TestSilo.StartOnSqliteAsync(new Dictionary<string, string?>
        {
            ["Security:AdminKey"] = string.Empty, // as if SLAGRID_ADMIN_KEY were unset
            ["Demo:Enabled"] = "true",
            ["Demo:Speed"] = "600",
            ["Demo:Communes"] = "8",
            ["Demo:HistoryWorkingDays"] = "3",
        });
        var key = Silo.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.AdminKey!;
        Client = new SlaGridClient(Silo.BaseAddress, key);
        Http = Silo.CreateHttp(key);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        Http.Dispose();
        await Silo.DisposeAsync();
    }
}
