using System.CommandLine;
using SlaGrid.Client.Contracts;
using Spectre.Console;

namespace SlaGrid.Cli.Commands;

/// <summary><c>slagrid dossier &lt;id&gt;</c>: a dossier's current state; exit code 1 when not found.</summary>
internal static class DossierCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The dossier's id" };
        var command = new Command("dossier", "A dossier's current state") { id };
        command.SetAction(context.Bind(async (inv, token) =>
        {
            var dossierId = inv.Parse.GetValue(id)!;
            var d = await inv.Client.GetDossierAsync(dossierId, token).ConfigureAwait(false);
            if (d is null)
            {
                return context.Fail(ExitCodes.NotAccepted, $"dossier '{dossierId}' not found");
            }

            if (inv.JsonOutput)
            {
                inv.WriteJson(d, SlaGridJson.GetTypeInfo<Dossier>());
                return ExitCodes.Ok;
            }

            var table = Display.Table("field", "value");
            table.AddRow("id", Display.Text(d.Id));
            table.AddRow("unit", Display.Text(d.UnitId));
            table.AddRow("officer", Display.Text(d.OfficerId));
            table.AddRow("procedure", Display.Text(d.ProcedureCode));
            table.AddRow("status", Display.Text(d.Status));
            table.AddRow("received at", Display.Time(d.ReceivedAt));
            table.AddRow("due at", Display.Time(d.DueAt));
            table.AddRow("original due at", Display.Time(d.OriginalDueAt));
            table.AddRow("paused", Display.Flag(d.Paused));
            table.AddRow("overdue", d.Overdue ? "[red]yes[/]" : "no");
            table.AddRow("due soon", d.DueSoon ? "[yellow]yes[/]" : "no");
            table.AddRow("rescheduled", Display.Flag(d.Rescheduled));
            table.AddRow("apology late", Display.Flag(d.ApologyLate));
            table.AddRow("supplement requests", Display.Number(d.SupplementRequests));
            table.AddRow("finished at", Display.Time(d.FinishedAt));
            table.AddRow("outcome", Display.Text(d.Outcome));
            inv.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
