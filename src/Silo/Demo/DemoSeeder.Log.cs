namespace SlaGrid.Silo.Demo;

/// <summary>The seeder's log messages.</summary>
internal sealed partial class DemoSeeder
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Demo seeded {Province}: {NewUnits} units added ({ExistingUnits} already there), {NewOfficers} officers and {NewProcedures} procedures added")]
    private static partial void LogSeeded(ILogger logger, string province, int newUnits, int existingUnits, int newOfficers, int newProcedures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo seeding failed; the silo runs on without the demo")]
    private static partial void LogSeedingFailed(ILogger logger, Exception exception);
}
