using System.CommandLine;
using SlaGrid.Client.Contracts;
using Spectre.Console;

namespace SlaGrid.Cli.Commands;

/// <summary><c>slagrid alerts [--unit id] [--state s] [--kind k]</c> and <c>slagrid ack &lt;alertId&gt;</c>.</summary>
internal static class AlertsCommand
{
    public static Command Create(CliContext context)
    {
        var unit = new Option<string?>("--unit") { Description = "Only alerts about this unit's subtree" };
        var state = new Option<string?>("--state") { Description = "open, acknowledged or resolved" };
        state.AcceptOnlyFromAmong([.. AlertStates.All]);
        var kind = new Option<string?>("--kind") { Description = "An alert kind" };
        kind.AcceptOnlyFromAmong([.. AlertKinds.All]);
        var command = new Command("alerts", "List alerts") { unit, state, kind };
        command.SetAction(context.Bind(async (inv, token) =>
        {
            var alerts = await inv.Client.GetAlertsAsync(inv.Parse.GetValue(unit), inv.Parse.GetValue(state), inv.Parse.GetValue(kind), token).ConfigureAwait(false);
            if (inv.JsonOutput)
            {
                inv.WriteJson(alerts, SlaGridJson.GetTypeInfo<IReadOnlyList<Alert>>());
                return ExitCodes.Ok;
            }

            var table = Display.Table("id", "kind", "state", "unit", "dossier", "officer", "created", "due", "repeats");
            foreach (var a in alerts)
            {
                table.AddRow(
                    Display.Text(a.Id), Display.Text(a.Kind), Display.Text(a.State), Display.Text(a.UnitId), Display.Text(a.DossierId),
                    Display.Text(a.OfficerId), Display.Time(a.CreatedAt), Display.Time(a.DueAt), Display.Number(a.Repeats));
            }

            inv.Console.Write(table);
            inv.Out.WriteLine($"{alerts.Count} alert(s).");
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command CreateAck(CliContext context)
    {
        var id = new Argument<string>("alertId") { Description = "The alert's id" };
        var command = new Command("ack", "Acknowledge an alert") { id };
        command.SetAction(context.Bind(async (inv, token) =>
        {
            var alertId = inv.Parse.GetValue(id)!;
            var alert = await inv.Client.AcknowledgeAlertAsync(alertId, token).ConfigureAwait(false);
            if (inv.JsonOutput)
            {
                if (alert is null)
                {
                    inv.WriteJsonObject(w => w.WriteString("acknowledged", alertId));
                }
                else
                {
                    inv.WriteJson(alert, SlaGridJson.GetTypeInfo<Alert>());
                }
            }
            else
            {
                inv.Out.WriteLine(alert is null ? $"Acknowledged alert {alertId}." : $"Acknowledged alert {alert.Id} ({alert.Kind}, now {alert.State}).");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
