using Npgsql;
using NpgsqlTypes;

namespace SlaGrid.Storage.Postgres;

/// <summary>Typed positional parameters (<c>$1</c>, <c>$2</c>, ...); instants are written truncated to microseconds, in UTC.</summary>
internal static class PostgresParameters
{
    public static NpgsqlParameter Text(string? value) => Make(NpgsqlDbType.Text, value);

    public static NpgsqlParameter Jsonb(string value) => Make(NpgsqlDbType.Jsonb, value);

    public static NpgsqlParameter Bigint(long value) => Make(NpgsqlDbType.Bigint, value);

    public static NpgsqlParameter Integer(int value) => Make(NpgsqlDbType.Integer, value);

    public static NpgsqlParameter Boolean(bool value) => Make(NpgsqlDbType.Boolean, value);

    public static NpgsqlParameter Date(DateOnly? value) => Make(NpgsqlDbType.Date, value);

    public static NpgsqlParameter TimestampTz(DateTimeOffset? value) => Make(NpgsqlDbType.TimestampTz, Timestamps.ToUtcDateTime(value));

    public static NpgsqlParameter TextArray(IReadOnlyCollection<string?> values) => Make(NpgsqlDbType.Array | NpgsqlDbType.Text, values as string?[] ?? values.ToArray());

    public static NpgsqlParameter JsonbArray(string[] values) => Make(NpgsqlDbType.Array | NpgsqlDbType.Jsonb, values);

    public static NpgsqlParameter TimestampTzArray(DateTime?[] values) => Make(NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, values);

    public static NpgsqlParameter TimestampTzArray(DateTime[] values) => Make(NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, values);

    public static NpgsqlParameter DateArray(DateOnly[] values) => Make(NpgsqlDbType.Array | NpgsqlDbType.Date, values);

    public static NpgsqlParameter BooleanArray(bool[] values) => Make(NpgsqlDbType.Array | NpgsqlDbType.Boolean, values);

    public static NpgsqlParameter IntegerArray(int[] values) => Make(NpgsqlDbType.Array | NpgsqlDbType.Integer, values);

    public static NpgsqlParameter BigintArray(long[] values) => Make(NpgsqlDbType.Array | NpgsqlDbType.Bigint, values);

    /// <summary>A command with its positional parameters.</summary>
    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        return command;
    }

    /// <summary>A batch command with its positional parameters.</summary>
    public static NpgsqlBatchCommand BatchCommand(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Make(NpgsqlDbType type, object? value) => new() { NpgsqlDbType = type, Value = value ?? DBNull.Value };
}
