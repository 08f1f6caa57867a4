using System.CommandLine;
using SlaGrid.Cli.Files;

namespace SlaGrid.Cli.Commands;

/// <summary><c>slagrid import units|officers|procedures|calendar &lt;file&gt;</c>: upserts reference data from CSV or JSON.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("import", "Upsert reference data from a CSV or JSON file (the whole file is checked before anything is sent)");
        command.Subcommands.Add(Kind(context, "units", "Units: CSV id,name,parentId,level,leaders (leaders separated by ';') or a JSON array", async (inv, path, ct) =>
        {
            var units = InputFiles.ReadUnits(path);
            await inv.Client.PutUnitsAsync(units, ct).ConfigureAwait(false);
            return units.Count;
        }));
        command.Subcommands.Add(Kind(context, "officers", "Officers: CSV id,name,unitId or a JSON array", async (inv, path, ct) =>
        {
            var officers = InputFiles.ReadOfficers(path);
            await inv.Client.PutOfficersAsync(officers, ct).ConfigureAwait(false);
            return officers.Count;
        }));
        command.Subcommands.Add(Kind(context, "procedures", "Procedures: CSV code,name,limitValue,limitUnit,feesPauseClock or a JSON array", async (inv, path, ct) =>
        {
            var procedures = InputFiles.ReadProcedures(path);
            await inv.Client.PutProceduresAsync(procedures, ct).ConfigureAwait(false);
            return procedures.Count;
        }));
        command.Subcommands.Add(Kind(context, "calendar", "Calendar: CSV date,kind (holiday|workday) or the JSON calendar object", async (inv, path, ct) =>
        {
            var calendar = InputFiles.ReadCalendar(path);
            await inv.Client.PutCalendarAsync(calendar, ct).ConfigureAwait(false);
            return calendar.Holidays.Count + calendar.Workdays.Count;
        }));
        return command;
    }

    private static Command Kind(CliContext context, string kind, string description, Func<CliInvocation, string, CancellationToken, Task<int>> import)
    {
        var file = new Argument<FileInfo>("file") { Description = "A .csv or .json file" };
        file.AcceptExistingOnly();
        var command = new Command(kind, description) { file };
        command.SetAction(context.Bind(async (inv, token) =>
        {
            var path = inv.Parse.GetValue(file)!.FullName;
            var count = await import(inv, path, token).ConfigureAwait(false);
            if (inv.JsonOutput)
            {
                inv.WriteJsonObject(w =>
                {
                    w.WriteString("kind", kind);
                    w.WriteNumber("count", count);
                });
            }
            else
            {
                inv.Out.WriteLine($"Imported {count} {(kind == "calendar" ? "calendar days" : kind)}.");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
