using System.CommandLine;
using SlaGrid.Client.Contracts;
using Spectre.Console;

namespace SlaGrid.Cli.Commands;

/// <summary><c>slagrid stats unit|officer &lt;id&gt; [--from yyyy-MM-dd] [--to yyyy-MM-dd]</c>.</summary>
internal static class StatsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("stats", "Measures of a unit's subtree or of an officer");
        command.Subcommands.Add(Create(context, "unit", "A unit's subtree", async (inv, id, from, to, ct) =>
        {
            var s = await inv.Client.GetUnitStatsAsync(id, from, to, ct).ConfigureAwait(false);
            if (inv.JsonOutput)
            {
                inv.WriteJson(s, SlaGridJson.GetTypeInfo<UnitStats>());
                return;
            }

            Write(inv, "unit", s.UnitId, s.Received, s.Open, s.Overdue, s.DueSoon, s.Paused, s.FinishedEarly, s.FinishedOnTime, s.FinishedLate, s.OnTimeRatio, s.LateRatio, s.Flagged);
        }));
        command.Subcommands.Add(Create(context, "officer", "An officer", async (inv, id, from, to, ct) =>
        {
            var s = await inv.Client.GetOfficerStatsAsync(id, from, to, ct).ConfigureAwait(false);
            if (inv.JsonOutput)
            {
                inv.WriteJson(s, SlaGridJson.GetTypeInfo<OfficerStats>());
                return;
            }

            Write(inv, "officer", s.OfficerId, s.Received, s.Open, s.Overdue, s.DueSoon, s.Paused, s.FinishedEarly, s.FinishedOnTime, s.FinishedLate, s.OnTimeRatio, s.LateRatio, s.Flagged);
        }));
        return command;
    }

    private static Command Create(CliContext context, string name, string description, Func<CliInvocation, string, DateOnly?, DateOnly?, CancellationToken, Task> show)
    {
        var id = new Argument<string>("id") { Description = $"The {name}'s id" };
        var from = new Option<string?>("--from") { Description = "First receipt date (yyyy-MM-dd)" };
        var to = new Option<string?>("--to") { Description = "Last receipt date (yyyy-MM-dd)" };
        var command = new Command(name, description) { id, from, to };
        command.SetAction(context.Bind(async (inv, token) =>
        {
            var fromDate = CliContext.ParseDate(inv.Parse.GetValue(from), "--from");
            var toDate = CliContext.ParseDate(inv.Parse.GetValue(to), "--to");
            if (fromDate > toDate)
            {
                throw new UsageException("--from is after --to");
            }

            await show(inv, inv.Parse.GetValue(id)!, fromDate, toDate, token).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Write(
        CliInvocation inv, string kind, string id, long received, long open, long overdue, long dueSoon, long paused,
        long early, long onTime, long late, double onTimeRatio, double lateRatio, bool flagged)
    {
        var table = Display.Table("measure", $"{kind} {id}");
        table.Columns[1].RightAligned();
        table.AddRow("received", Display.Number(received));
        table.AddRow("open", Display.Number(open));
        table.AddRow("  overdue", Display.Number(overdue));
        table.AddRow("  due soon", Display.Number(dueSoon));
        table.AddRow("  paused", Display.Number(paused));
        table.AddRow("finished early", Display.Number(early));
        table.AddRow("finished on time", Display.Number(onTime));
        table.AddRow("finished late", Display.Number(late));
        table.AddRow("on-time ratio", Display.Ratio(onTimeRatio));
        table.AddRow("late ratio", Display.Ratio(lateRatio));
        table.AddRow("flagged", flagged ? "[red]yes[/]" : "no");
        inv.Console.Write(table);
    }
}
