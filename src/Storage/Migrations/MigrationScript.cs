namespace SlaGrid.Storage.Migrations;

/// <summary>One versioned migration: the SQL that takes the schema from <c>Version - 1</c> to <paramref name="Version"/>.</summary>
/// <param name="Version">The schema version it produces (1, 2, ...).</param>
/// <param name="Name">Its file name without the version, e.g. <c>initial</c>.</param>
/// <param name="Sql">The script.</param>
/// <param name="Checksum">SHA-256 of the script, lower-case hex (recorded, compared on later starts).</param>
internal sealed record MigrationScript(int Version, string Name, string Sql, string Checksum);
