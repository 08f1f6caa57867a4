using System.CommandLine;
using SlaGrid.Cli.Files;
using SlaGrid.Client;
using Spectre.Console;

namespace SlaGrid.Cli.Commands;

/// <summary>
/// <c>slagrid replay &lt;file&gt; [--batch N]</c>: streams the events of a CSV / JSON-lines file through an
/// <see cref="IngestChannel"/> (batched, retried with the same event ids), then prints the tally.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "Events: .csv (eventId,dossierId,type,at,...), .jsonl/.ndjson (one event per line) or .json (an array)" };
        file.AcceptExistingOnly();
        var batch = new Option<int>("--batch")
        {
            Description = "The most events per request",
            DefaultValueFactory = _ => 500,
        };
        batch.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 100_000)
            {
                r.AddError("--batch must be between 1 and 100000");
            }
        });
        var command = new Command("replay", "Send the events of a file to the silo (idempotent: a replay of the same file answers duplicate)") { file, batch };
        command.SetAction(context.Bind((inv, token) =>
            RunAsync(inv, inv.Parse.GetValue(file)!.FullName, inv.Parse.GetValue(batch), token)));
        return command;
    }

    private static async Task<int> RunAsync(CliInvocation inv, string path, int batchSize, CancellationToken cancellationToken)
    {
        EventFiles.Check(path);
        var total = EventFiles.Read(path).LongCount();
        var summary = new ReplaySummary();
        if (inv.Interactive)
        {
            await inv.Console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask("replay", maxValue: Math.Max(total, 1));
                    await SendAllAsync(inv, path, batchSize, summary, () => task.Value = summary.Done, cancellationToken).ConfigureAwait(false);
                    task.Value = task.MaxValue;
                }).ConfigureAwait(false);
        }
        else
        {
            await SendAllAsync(inv, path, batchSize, summary, static () => { }, cancellationToken).ConfigureAwait(false);
        }

        Report(inv, summary, total);
        return summary.ExitCode;
    }

    private static async Task SendAllAsync(CliInvocation inv, string path, int batchSize, ReplaySummary summary, Action onProgress, CancellationToken cancellationToken)
    {
        await using var channel = inv.Client.CreateIngestChannel(new IngestChannelOptions
        {
            MaxBatchSize = batchSize,
            Capacity = Math.Max(batchSize * 4, 1000),
        });

        // Keep a bounded number of events in flight so that a huge file streams in constant memory.
        using var window = new SemaphoreSlim(Math.Max(batchSize * 4, 1000));
        var inFlight = new List<Task>();
        foreach (var line in EventFiles.Read(path))
        {
            if (line.Event is null)
            {
                summary.AddInvalid();
                inv.Error.WriteLine($"slagrid: {Path.GetFileName(path)} record at line {line.Line}: {line.Error}");
                onProgress();
                continue;
            }

            await window.WaitAsync(cancellationToken).ConfigureAwait(false);
            inFlight.Add(SendOneAsync(channel, line.Event, summary, window, onProgress, cancellationToken));
            if (inFlight.Count >= 10_000)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
            }
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    private static async Task SendOneAsync(IngestChannel channel, Client.Contracts.DossierEvent dossierEvent, ReplaySummary summary, SemaphoreSlim window, Action onProgress, CancellationToken cancellationToken)
    {
        try
        {
            summary.Add(await channel.SendAsync(dossierEvent, cancellationToken).ConfigureAwait(false));
            onProgress();
        }
        finally
        {
            window.Release();
        }
    }

    private static void Report(CliInvocation inv, ReplaySummary summary, long total)
    {
        if (inv.JsonOutput)
        {
            inv.WriteJsonObject(w =>
            {
                w.WriteNumber("records", total);
                w.WriteNumber("accepted", summary.Accepted);
                w.WriteNumber("duplicate", summary.Duplicate);
                w.WriteStartObject("rejected");
                foreach (var (code, count) in summary.RejectedByCode)
                {
                    w.WriteNumber(code, count);
                }

                w.WriteEndObject();
                w.WriteStartObject("failed");
                foreach (var (reason, count) in summary.FailedByReason)
                {
                    w.WriteNumber(reason, count);
                }

                w.WriteEndObject();
                w.WriteNumber("invalid", summary.Invalid);
            });
            return;
        }

        var table = Display.Table("outcome", "events");
        table.Columns[1].RightAligned();
        table.AddRow("accepted", Display.Number(summary.Accepted));
        table.AddRow("duplicate", Display.Number(summary.Duplicate));
        foreach (var (code, count) in summary.RejectedByCode)
        {
            table.AddRow("rejected: " + Markup.Escape(code), Display.Number(count));
        }

        foreach (var (reason, count) in summary.FailedByReason)
        {
            table.AddRow("failed: " + Markup.Escape(reason), Display.Number(count));
        }

        if (summary.Invalid > 0)
        {
            table.AddRow("invalid records", Display.Number(summary.Invalid));
        }

        table.AddRow("[bold]total[/]", Display.Number(total));
        inv.Console.Write(table);
    }
}
