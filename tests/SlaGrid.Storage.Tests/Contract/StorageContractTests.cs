using SlaGrid.Grains.Persistence;
using SlaGrid.Storage.Tests.Support;
using SlaGrid.Testing;

namespace SlaGrid.Storage.Tests.Contract;

/// <summary>
/// The storage contract, run against every backend (one subclass each). Each test gets a fresh, migrated,
/// empty database. The facts live in the partial files beside this one, by area.
/// </summary>
public abstract partial class StorageContractTests<TBackend> : IClassFixture<TBackend>, IAsyncLifetime
    where TBackend : class, IStorageBackend
{
    protected StorageContractTests(TBackend backend)
    {
        Backend = backend;
    }

    protected static CancellationToken Ct => CancellationToken.None;

    protected static DateTimeOffset T0 => TestData.T0;

    protected TBackend Backend { get; }

    protected FakeTimeProvider Time { get; } = new();

    /// <summary>Where this test's database is (connection string or file path).</summary>
    protected string Location { get; private set; } = string.Empty;

    protected ISlaGridStorage Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Location = await Backend.NewDatabaseAsync();
        Storage = Backend.Open(Location, Time);
        await Storage.MigrateAsync(Ct);
    }

    public async Task DisposeAsync()
    {
        if (Storage is not null)
        {
            await Storage.DisposeAsync();
        }
    }

    [BackendFact]
    public void Provider_NamesTheBackend() => Assert.Equal(Backend.Provider, Storage.Provider);

    [BackendFact]
    public async Task Ping_AnswersTrue_WhenTheStoreIsUp() => Assert.True(await Storage.PingAsync(Ct));

    /// <summary>Runs a task to completion and returns its exception, or null.</summary>
    protected static async Task<Exception?> Settle(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
