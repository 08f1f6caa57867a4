namespace SlaGrid.Storage.Tests;

public sealed class StorageSpecTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptySpec_MeansSqliteInTheDataDirectory(string? spec)
    {
        var parsed = StorageSpec.Parse(spec);

        Assert.Equal(StorageProvider.Sqlite, parsed.Provider);
        Assert.Equal("./data/slagrid.db", parsed.Target);
    }

    [Theory]
    [InlineData("sqlite:/var/lib/slagrid/grid.db", "/var/lib/slagrid/grid.db")]
    [InlineData("SQLite: ./x.db ", "./x.db")]
    public void SqliteSpec_TakesThePath(string spec, string path)
    {
        var parsed = StorageSpec.Parse(spec);

        Assert.Equal(StorageProvider.Sqlite, parsed.Provider);
        Assert.Equal(path, parsed.Target);
        Assert.Equal("sqlite:" + path, parsed.ToString());
    }

    [Theory]
    [InlineData("postgres:Host=db.local;Port=5433;Username=grid;Password=s3cret-pw;Database=slagrid")]
    [InlineData("postgresql:Host=db.local;Port=5433;Username=grid;Password=s3cret-pw;Database=slagrid")]
    public void PostgresSpec_KeepsTheConnectionString_ButNeverShowsThePassword(string spec)
    {
        var parsed = StorageSpec.Parse(spec);

        Assert.Equal(StorageProvider.Postgres, parsed.Provider);
        Assert.Contains("Password=s3cret-pw", parsed.Target, StringComparison.Ordinal);
        Assert.Equal("postgres:Host=db.local;Port=5433;Database=slagrid;Username=grid", parsed.ToString());
        Assert.DoesNotContain("s3cret", parsed.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mysql:Server=x", "Unknown storage backend 'mysql'")]
    [InlineData("./data/slagrid.db", "names no backend")]
    [InlineData("sqlite:", "needs a file path")]
    [InlineData("sqlite::memory:", "in-memory")]
    [InlineData("sqlite:/tmp/dir/", "not a valid file path")]
    [InlineData("postgres:", "needs an Npgsql connection string")]
    [InlineData("postgres:Username=x;Password=hunter2", "has no Host")]
    [InlineData("postgres:Host=x;Colour=blue;Password=hunter2", "not valid")]
    [InlineData("postgres:Host=x;Port=abc;Password=hunter2", "not valid")]
    public void BadSpec_FailsWithAClearMessage_WithoutEchoingSecrets(string spec, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => StorageSpec.Parse(spec));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
        Assert.False(StorageSpec.TryParse(spec, out _, out var error));
        Assert.Equal(ex.Message, error);
    }

    [Fact]
    public void UnknownBackendWithPunctuation_IsNotEchoed()
    {
        var ex = Assert.Throws<FormatException>(() => StorageSpec.Parse("Password=hunter2;Host=x:5432"));

        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("sqlite:<path>", ex.Message, StringComparison.Ordinal);
    }
}
