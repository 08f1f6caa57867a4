using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SlaGrid.Client.Contracts;
using SlaGrid.IntegrationTests.Infrastructure;
using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Api;

/// <summary>
/// A class fixture: a fresh PostgreSQL database and the real silo over it, seeded with a small tree
/// (VN → P1 → C1, C2; VN → P2 → C3), officers and procedures. Tests that count (stats, metrics) make their own
/// units with <see cref="NewSubtreeAsync"/> so that tests of one class never see each other's dossiers.
/// </summary>
public class ApiSilo : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private TestSilo? _silo;

    /// <summary>The silo (started by <see cref="InitializeAsync"/>).</summary>
    public TestSilo Silo => _silo ?? throw new InvalidOperationException("The silo is not started.");

    /// <summary>An HttpClient with the admin key.</summary>
    public HttpClient Http => Silo.Http;

    /// <summary>The database's connection string.</summary>
    public string ConnectionString => _database.ConnectionString;

    /// <summary>Services to add to the silo (e.g. a failure-injecting filter); null for none.</summary>
    protected virtual Action<IServiceCollection>? Services => null;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _silo = await TestSilo.StartOnPostgresAsync(_database.ConnectionString, services: Services);
        await PutAsync("api/v1/units", new object[]
        {
            new { id = "VN", name = "Việt Nam", parentId = (string?)null, level = "nation", leaders = new[] { "L-VN" } },
            new { id = "P1", name = "Tỉnh Một", parentId = "VN", level = "province", leaders = new[] { "L-P1" } },
            new { id = "C1", name = "Xã Một", parentId = "P1", level = "commune", leaders = new[] { "L-C1" } },
            new { id = "C2", name = "Phường Hai", parentId = "P1", level = "commune", leaders = new[] { "L-C2" } },
            new { id = "P2", name = "Tỉnh Hai", parentId = "VN", level = "province", leaders = new[] { "L-P2" } },
            new { id = "C3", name = "Xã Ba", parentId = "P2", level = "commune", leaders = new[] { "L-C3" } },
        });
        await PutAsync("api/v1/officers", new object[]
        {
            new { id = "O1", name = "Nguyễn Văn A", unitId = "C1" },
            new { id = "O2", name = "Trần Thị B", unitId = "C1" },
            new { id = "O3", name = "Lê Văn C", unitId = "C2" },
            new { id = "O4", name = "Phạm Thị D", unitId = "C3" },
            new { id = "L-C1", name = "Leader C1", unitId = "C1" },
            new { id = "L-P1", name = "Leader P1", unitId = "P1" },
        });
        await PutAsync("api/v1/procedures", new object[]
        {
            new { code = "WD5", name = "Five working days", limit = new { value = 5, unit = "working_days" }, feesPauseClock = false },
            new { code = "WD0", name = "Same day", limit = new { value = 0, unit = "working_days" }, feesPauseClock = false },
            new { code = "D10", name = "Ten calendar days", limit = new { value = 10, unit = "days" }, feesPauseClock = false },
            new { code = "H4", name = "Four working hours", limit = new { value = 4, unit = "working_hours" }, feesPauseClock = false },
            new { code = "FEE5", name = "Five working days, fees pause", limit = new { value = 5, unit = "working_days" }, feesPauseClock = true },
            new { code = "FEE5N", name = "Five working days, fees do not pause", limit = new { value = 5, unit = "working_days" }, feesPauseClock = false },
        });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    /// <summary>
    /// Makes a province <c>{prefix}-P</c> under VN with communes <c>{prefix}-C1</c> and <c>{prefix}-C2</c> (leaders
    /// <c>{prefix}-L*</c>) and officers <c>{prefix}-O1</c> (C1), <c>{prefix}-O2</c> (C2); returns the province id.
    /// </summary>
    public async Task<string> NewSubtreeAsync(string prefix)
    {
        await PutAsync("api/v1/units", new object[]
        {
            new { id = $"{prefix}-P", name = $"Province {prefix}", parentId = "VN", level = "province", leaders = new[] { $"{prefix}-LP" } },
            new { id = $"{prefix}-C1", name = $"Commune {prefix} 1", parentId = $"{prefix}-P", level = "commune", leaders = new[] { $"{prefix}-LC1" } },
            new { id = $"{prefix}-C2", name = $"Commune {prefix} 2", parentId = $"{prefix}-P", level = "commune", leaders = new[] { $"{prefix}-LC2" } },
        });
        await PutAsync("api/v1/officers", new object[]
        {
            new { id = $"{prefix}-O1", name = "Officer 1", unitId = $"{prefix}-C1" },
            new { id = $"{prefix}-O2", name = "Officer 2", unitId = $"{prefix}-C2" },
        });
        return $"{prefix}-P";
    }

    /// <summary>Creates an API key and returns the key itself.</summary>
    public async Task<string> NewKeyAsync(string role, string? unitId = null)
    {
        var created = await Silo.Client.CreateKeyAsync(new CreateKeyRequest($"{role}-{unitId ?? "all"}-{Guid.NewGuid():N}", role, unitId));
        return created.Key;
    }

    private async Task PutAsync(string path, object body)
    {
        using var response = await Http.PutAsJsonAsync(path, body);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PUT {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
