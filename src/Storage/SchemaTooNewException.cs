namespace SlaGrid.Storage;

/// <summary>
/// The database was migrated by a newer SlaGrid than this one: its schema version is above the highest
/// migration this binary carries. The silo refuses to start rather than write to a schema it does not know.
/// </summary>
public sealed class SchemaTooNewException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SchemaTooNewException()
        : base("The database schema is newer than this SlaGrid build knows.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SchemaTooNewException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SchemaTooNewException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a database at <paramref name="databaseVersion"/> and a binary that knows up to <paramref name="supportedVersion"/>.</summary>
    public SchemaTooNewException(string provider, int databaseVersion, int supportedVersion)
        : base(
            $"The {provider} database schema is at version {databaseVersion}, but this SlaGrid build knows migrations only up to version " +
            $"{supportedVersion}. It was migrated by a newer SlaGrid; run that version (or a newer one), or point this one at another database. " +
            "Refusing to start so as not to write to a schema this build does not know.")
    {
        Provider = provider;
        DatabaseVersion = databaseVersion;
        SupportedVersion = supportedVersion;
    }

    /// <summary>The backend (<c>postgres</c> or <c>sqlite</c>).</summary>
    public string? Provider { get; }

    /// <summary>The schema version the database holds.</summary>
    public int DatabaseVersion { get; }

    /// <summary>The highest schema version this binary carries.</summary>
    public int SupportedVersion { get; }
}
