using System.Net;
using System.Net.Http.Headers;
using SlaGrid.IntegrationTests.Infrastructure;
using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Api;

/// <summary>The silo as its own process takes its bootstrap admin key from <c>SLAGRID_ADMIN_KEY</c>.</summary>
public sealed class BootstrapKeyProcessTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("slagrid-bootstrap-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [PostgresFact]
    public async Task AdminKeyFromTheEnvironment_IsAnAdmin_AndNothingElseIs()
    {
        await using var silo = await SiloProcess.StartAsync($"postgres:{database.ConnectionString}", _dir);
        using var admin = new HttpClient { BaseAddress = silo.BaseAddress };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSilo.AdminKey);

        using var units = await admin.SendJsonAsync(HttpMethod.Put, "api/v1/units", """[{"id":"BK","name":"Bootstrap","parentId":null,"level":"nation"}]""");
        Assert.Equal(HttpStatusCode.OK, units.StatusCode);
        using var key = await admin.SendJsonAsync(HttpMethod.Post, "api/v1/keys", """{"name":"from-bootstrap","role":"read"}""");
        Assert.Equal(HttpStatusCode.Created, key.StatusCode);

        using var other = new HttpClient { BaseAddress = silo.BaseAddress };
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSilo.AdminKey + "x");
        await (await other.GetAsync("api/v1/keys")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }
}
