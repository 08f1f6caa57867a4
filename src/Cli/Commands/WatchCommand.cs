using System.CommandLine;
using System.Text.Json;
using SlaGrid.Client;
using SlaGrid.Client.Contracts;
using Spectre.Console;

namespace SlaGrid.Cli.Commands;

/// <summary>
/// <c>slagrid watch &lt;unitId&gt; [--limit N]</c>: a live view of a unit's counts and alert feed (reconnecting by
/// itself) until Ctrl+C, or N events. Without a terminal, or with --json, one line per event.
/// </summary>
internal static class WatchCommand
{
    private const int AlertRows = 12;

    public static Command Create(CliContext context)
    {
        var unit = new Argument<string>("unitId") { Description = "The unit to watch (its whole subtree)" };
        var limit = new Option<int?>("--limit") { Description = "Stop after this many events" };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1)
            {
                r.AddError("--limit must be at least 1");
            }
        });
        var command = new Command("watch", "Follow a unit's live counts and alerts") { unit, limit };
        command.SetAction(context.Bind(async (inv, token) =>
        {
            try
            {
                await WatchAsync(inv, inv.Parse.GetValue(unit)!, inv.Parse.GetValue(limit), token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Ctrl+C is how a watch ends.
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task WatchAsync(CliInvocation inv, string unitId, int? limit, CancellationToken cancellationToken)
    {
        var seen = 0;
        if (!inv.Interactive)
        {
            await foreach (var e in inv.Client.WatchUnitAsync(unitId, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                WriteLine(inv, e);
                if (++seen == limit)
                {
                    return;
                }
            }

            return;
        }

        UnitStats? stats = null;
        var alerts = new LinkedList<UnitLiveAlert>();
        await inv.Console.Live(View(unitId, stats, alerts)).AutoClear(false).StartAsync(async live =>
        {
            await foreach (var e in inv.Client.WatchUnitAsync(unitId, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                switch (e)
                {
                    case UnitLiveStats s:
                        stats = s.Stats;
                        break;
                    case UnitLiveAlert a:
                        alerts.AddFirst(a);
                        if (alerts.Count > AlertRows)
                        {
                            alerts.RemoveLast();
                        }

                        break;
                }

                live.UpdateTarget(View(unitId, stats, alerts));
                if (++seen == limit)
                {
                    return;
                }
            }
        }).ConfigureAwait(false);
    }

    private static void WriteLine(CliInvocation inv, UnitLiveEvent e)
    {
        switch (e)
        {
            case UnitLiveStats { Stats: var s } when inv.JsonOutput:
                inv.WriteJsonObject(w =>
                {
                    w.WriteString("type", LiveEventNames.Stats);
                    w.WritePropertyName("stats");
                    JsonSerializer.Serialize(w, s, SlaGridJson.GetTypeInfo<UnitStats>());
                });
                break;
            case UnitLiveAlert a when inv.JsonOutput:
                inv.WriteJsonObject(w =>
                {
                    w.WriteString("type", LiveEventNames.Alert);
                    w.WriteString("id", a.EventId);
                    w.WriteString("event", a.Change.Event);
                    w.WritePropertyName("alert");
                    JsonSerializer.Serialize(w, a.Change.Alert, SlaGridJson.GetTypeInfo<Alert>());
                });
                break;
            case UnitLiveStats { Stats: var s }:
                inv.Out.WriteLine(
                    $"stats {s.UnitId}: received {s.Received}, open {s.Open}, overdue {s.Overdue}, due soon {s.DueSoon}, paused {s.Paused}, " +
                    $"on time {Display.Ratio(s.OnTimeRatio)}, late {Display.Ratio(s.LateRatio)}{(s.Flagged ? ", FLAGGED" : string.Empty)}");
                break;
            case UnitLiveAlert { Change: var c }:
                inv.Out.WriteLine(
                    $"alert {c.Event} {c.Alert.Kind} {c.Alert.Id}: unit {c.Alert.UnitId}" +
                    (c.Alert.DossierId is null ? string.Empty : $", dossier {c.Alert.DossierId}") +
                    $", state {c.Alert.State}");
                break;
        }
    }

    private static Rows View(string unitId, UnitStats? stats, LinkedList<UnitLiveAlert> alerts)
    {
        var counts = Display.Table("received", "open", "overdue", "due soon", "paused", "early", "on time", "late", "on-time ratio", "late ratio");
        counts.Title = new TableTitle($"unit {Markup.Escape(unitId)}" + (stats?.Flagged == true ? " [red](flagged)[/]" : string.Empty));
        if (stats is null)
        {
            counts.AddRow("[grey]waiting for the silo…[/]", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
        }
        else
        {
            counts.AddRow(
                Display.Number(stats.Received), Display.Number(stats.Open), $"[red]{Display.Number(stats.Overdue)}[/]",
                $"[yellow]{Display.Number(stats.DueSoon)}[/]", Display.Number(stats.Paused), Display.Number(stats.FinishedEarly),
                Display.Number(stats.FinishedOnTime), Display.Number(stats.FinishedLate), Display.Ratio(stats.OnTimeRatio), Display.Ratio(stats.LateRatio));
        }

        var feed = Display.Table("event", "kind", "alert", "unit", "dossier", "state", "created");
        feed.Title = new TableTitle("latest alerts");
        foreach (var a in alerts)
        {
            var alert = a.Change.Alert;
            feed.AddRow(
                Display.Text(a.Change.Event), Display.Text(alert.Kind), Display.Text(alert.Id), Display.Text(alert.UnitId),
                Display.Text(alert.DossierId), Display.Text(alert.State), Display.Time(alert.CreatedAt));
        }

        return new Rows(counts, feed);
    }
}
