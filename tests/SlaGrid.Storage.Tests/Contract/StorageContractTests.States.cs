using SlaGrid.Runtime.Storage;
using SlaGrid.Storage.Tests.Support;

namespace SlaGrid.Storage.Tests.Contract;

public abstract partial class StorageContractTests<TBackend>
{
    [BackendFact]
    public async Task StateWrite_ThenRead_ReturnsTheDataAndTheNewETag()
    {
        var etag = await Storage.States.WriteAsync("g", "k1", "{\"a\":1}", null, Ct);

        Assert.Equal(new StoredState("{\"a\":1}", etag), await Storage.States.ReadAsync("g", "k1", Ct));
        Assert.Null(await Storage.States.ReadAsync("g", "k2", Ct));
        Assert.Null(await Storage.States.ReadAsync("other", "k1", Ct));
    }

    [BackendFact]
    public async Task StateWrite_WithStaleETag_Throws_AndKeepsTheStoredState()
    {
        var first = await Storage.States.WriteAsync("g", "k", "v1", null, Ct);
        var second = await Storage.States.WriteAsync("g", "k", "v2", first, Ct);

        var stale = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.States.WriteAsync("g", "k", "v3", first, Ct));
        var recreate = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.States.WriteAsync("g", "k", "v4", null, Ct));

        Assert.NotEqual(first, second);
        Assert.Equal(first, stale.ExpectedETag);
        Assert.Equal(second, stale.StoredETag);
        Assert.Equal(second, recreate.StoredETag);
        Assert.Equal(new StoredState("v2", second), await Storage.States.ReadAsync("g", "k", Ct));
    }

    [BackendFact]
    public async Task StateWrite_TwoConcurrentWritersWithTheSameETag_ExactlyOneWins()
    {
        for (var round = 0; round < 20; round++)
        {
            var key = $"k{round}";
            var etag = round % 2 == 0 ? await Storage.States.WriteAsync("g", key, "base", null, Ct) : null;
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var a = Task.Run(async () =>
            {
                await go.Task;
                return await Storage.States.WriteAsync("g", key, "A", etag, Ct);
            });
            var b = Task.Run(async () =>
            {
                await go.Task;
                return await Storage.States.WriteAsync("g", key, "B", etag, Ct);
            });
            go.SetResult();
            var failures = await Task.WhenAll(Settle(a), Settle(b));

            Assert.Single(failures, f => f is null);
            Assert.Single(failures, f => f is InconsistentStateException);
            var (winnerData, winner) = failures[0] is null ? ("A", a) : ("B", b);
            Assert.Equal(new StoredState(winnerData, winner.Result), await Storage.States.ReadAsync("g", key, Ct));
        }
    }

    [BackendFact]
    public async Task StateClear_NeedsTheCurrentETag_AndAnETagFromBeforeAClearNeverMatchesAgain()
    {
        var e1 = await Storage.States.WriteAsync("g", "k", "v1", null, Ct);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.States.ClearAsync("g", "k", null, Ct));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.States.ClearAsync("g", "k", "not-the-etag", Ct));
        Assert.NotNull(await Storage.States.ReadAsync("g", "k", Ct));

        await Storage.States.ClearAsync("g", "k", e1, Ct);
        Assert.Null(await Storage.States.ReadAsync("g", "k", Ct));
        await Storage.States.ClearAsync("g", "k", null, Ct);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.States.ClearAsync("g", "k", e1, Ct));

        var e2 = await Storage.States.WriteAsync("g", "k", "v2", null, Ct);
        Assert.NotEqual(e1, e2);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.States.WriteAsync("g", "k", "stale", e1, Ct));
        Assert.Equal("v2", (await Storage.States.ReadAsync("g", "k", Ct))!.Data);
    }

    [BackendFact]
    public async Task StateData_IsKeptByteForByte()
    {
        const string data = "{ \"b\": 1,   \"a\": \"Hồ sơ \\u0000\" }";
        await Storage.States.WriteAsync("g", "k", data, null, Ct);

        Assert.Equal(data, (await Storage.States.ReadAsync("g", "k", Ct))!.Data);
    }
}
