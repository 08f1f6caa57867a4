using Npgsql;

namespace SlaGrid.Storage.Postgres;

/// <summary>
/// Runs work on a pooled connection, optionally in a transaction, and turns "the database is unreachable"
/// failures into <see cref="StorageUnavailableException"/>. Transactions that hit a serialization failure or a
/// deadlock are run again (a few times) before giving up.
/// </summary>
internal sealed class PostgresExecutor(NpgsqlDataSource dataSource)
{
    public const string Provider = "postgres";
    private const int ConflictAttempts = 3;

    public NpgsqlDataSource DataSource => dataSource;

    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return await work(connection, cancellationToken);
        }
        catch (Exception ex) when (TransientErrors.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw TransientErrors.ToUnavailable(Provider, ex);
        }
    }

    public Task RunAsync(Func<NpgsqlConnection, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        RunAsync<bool>(
            async (connection, ct) =>
            {
                await work(connection, ct);
                return true;
            },
            cancellationToken);

    /// <summary>Runs <paramref name="work"/> in a transaction and commits it; the work rolls back by throwing.</summary>
    public async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunAsync(
                    async (connection, ct) =>
                    {
                        await using var transaction = await connection.BeginTransactionAsync(ct);
                        var result = await work(connection, transaction, ct);
                        await transaction.CommitAsync(ct);
                        return result;
                    },
                    cancellationToken);
            }
            catch (PostgresException ex) when (TransientErrors.IsRetryableConflict(ex))
            {
                // Serialization failure or deadlock: nothing was written; run the transaction again, a few times.
                if (attempt >= ConflictAttempts)
                {
                    throw TransientErrors.ToUnavailable(Provider, ex);
                }
            }
        }
    }

    public Task InTransactionAsync(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        InTransactionAsync<bool>(
            async (connection, transaction, ct) =>
            {
                await work(connection, transaction, ct);
                return true;
            },
            cancellationToken);
}
