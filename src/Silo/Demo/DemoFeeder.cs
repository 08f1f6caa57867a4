using System.Globalization;
using Microsoft.Extensions.Options;
using SlaGrid.Client;
using SlaGrid.Client.Contracts;
using SlaGrid.Grains.Calendar;
using SlaGrid.Grains.Grid;

namespace SlaGrid.Silo.Demo;

/// <summary>
/// Feeds the seeded province live: first closes dossiers left open by an earlier demo run, then replays
/// <see cref="DemoOptions.HistoryWorkingDays"/> of history at once (so that counts, due-soon and overdue dossiers and
/// alerts are there from the start; only the stories <see cref="DemoHistoryFilter"/> can replay without a false
/// alert), then posts each event of <see cref="DemoScenario"/> when simulated time reaches it (a tenth of a real
/// second early, so that posting latency never lets a deadline fire first), in batches, through
/// <c>POST /api/v1/events</c>. Transient failures are retried (event ids make retries
/// harmless); it stops on shutdown or on a failure it cannot retry, never taking the silo down.
/// </summary>
internal sealed partial class DemoFeeder(
    DemoSession session,
    IOptions<DemoOptions> options,
    GridContext grid,
    TimeProvider time,
    ILogger<DemoFeeder> logger) : BackgroundService
{
    /// <summary>The most events per posted batch.</summary>
    public const int BatchSize = 500;

    /// <summary>The most events waiting in memory for their time (arrivals pause above it).</summary>
    public const int MaxPending = 200_000;

    private const int MaxAttempts = 8;
    private static readonly TimeSpan RealTick = TimeSpan.FromMilliseconds(250);

    // Events are posted this much (of real time) before simulated time reaches them, so that posting latency does not
    // let a deadline fire first (a dossier processed a minute before its due time would otherwise flash overdue).
    private static readonly TimeSpan RealLead = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan RealProgressInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RealHistoryMargin = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan[] RetireOffsets =
        [TimeSpan.FromMinutes(1), TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(30), TimeSpan.FromDays(120), TimeSpan.FromDays(360)];

    private long _accepted;
    private long _duplicates;
    private long _rejected;

    /// <summary>The id prefix of this run's dossiers: <c>KHD-yyMMdd-HHmmss</c> of the simulated start (+07:00).</summary>
    public static string RunTag(DateTimeOffset start) =>
        "KHD-" + VietnamTime.ToLocal(start).ToString("yyMMdd-HHmmss", CultureInfo.InvariantCulture);

    /// <summary>Where the replayed history starts: 07:00 of the working day <paramref name="workingDays"/> before <paramref name="now"/>'s date.</summary>
    public static DateTimeOffset HistoryStart(DateTimeOffset now, int workingDays, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (workingDays <= 0)
        {
            return now;
        }

        var day = VietnamTime.LocalDate(now);
        for (var i = 0; i < workingDays; i++)
        {
            day = calendar.PreviousWorkingDay(day);
        }

        return VietnamTime.At(day, new TimeOnly(7, 0));
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DemoSeeded seeded;
        try
        {
            seeded = await session.Seeded.WaitAsync(stoppingToken);
        }
        catch (Exception)
        {
            return; // shut down, or the seeder failed and said why
        }

        try
        {
            await RetireLeftoversAsync(seeded.Client, stoppingToken);
            await FeedAsync(seeded, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogFeedingFailed(logger, ex);
        }
        finally
        {
            LogStopped(logger, _accepted, _duplicates, _rejected);
        }
    }

    private async Task FeedAsync(DemoSeeded seeded, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var start = HistoryStart(now, o.HistoryWorkingDays, WorkingCalendar.Default);
        var scenario = new DemoScenario(seeded.Province, o.Seed, RunTag(now), start, o.DossiersPerMinute);
        var filter = new DemoHistoryFilter(() => grid.Clock);
        var later = now + (RealHistoryMargin * o.Speed);
        var timeline = new DemoTimeline(scenario, MaxPending, now, story => filter.IsClean(story, now, later));
        LogFeeding(logger, VietnamTime.ToLocal(start), o.Speed, o.DossiersPerMinute);

        var tick = RealTick * o.Speed;
        var lead = RealLead * o.Speed;
        var progressEvery = RealProgressInterval * o.Speed;
        var nextProgress = now + progressEvery;
        var caughtUp = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            now = time.GetUtcNow();
            var batch = timeline.TakeDue(now + lead, BatchSize);
            if (batch.Count > 0)
            {
                await PostAsync(seeded.Client, batch, cancellationToken);
            }

            if (batch.Count == BatchSize)
            {
                continue; // behind simulated time (the history, or a burst): post on without waiting
            }

            if (!caughtUp)
            {
                caughtUp = true;
                LogCaughtUp(logger, timeline.Dossiers - timeline.HistoryLeftOut, timeline.HistoryLeftOut, _accepted, _rejected, VietnamTime.ToLocal(now));
            }

            now = time.GetUtcNow();
            if (now >= nextProgress)
            {
                nextProgress = now + progressEvery;
                LogProgress(logger, VietnamTime.ToLocal(now), timeline.Dossiers - timeline.HistoryLeftOut, timeline.Fates.GetValueOrDefault(DemoFate.Late) + timeline.Fates.GetValueOrDefault(DemoFate.Stuck), _accepted, _rejected, timeline.Pending);
            }

            var wait = timeline.NextAt - lead - now;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait < tick ? wait : tick, time, cancellationToken);
            }
        }
    }

    private async Task PostAsync(SlaGridClient client, List<DossierEvent> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await client.PostEventsAsync(batch, cancellationToken);
                Tally(response);
                return;
            }
            catch (Exception ex) when (attempt < MaxAttempts && !cancellationToken.IsCancellationRequested && IsTransient(ex))
            {
                var delay = TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt - 1));
                LogRetrying(logger, batch.Count, attempt, delay, ex.Message);
                await Task.Delay(delay * options.Value.Speed, time, cancellationToken);
            }
        }
    }

    private void Tally(IngestResponse response)
    {
        foreach (var result in response.Results)
        {
            switch (result.Status)
            {
                case IngestStatuses.Accepted:
                    _accepted++;
                    break;
                case IngestStatuses.Duplicate:
                    _duplicates++;
                    break;
                default:
                    _rejected++;
                    // A second apology is meant to be refused (it raises reschedule_limit); anything else is a surprise.
                    if (result.Error?.Code != ErrorCodes.RescheduleLimit)
                    {
                        LogUnexpectedRejection(logger, result.EventId, result.Error?.Code, result.Error?.Message);
                    }

                    break;
            }
        }
    }

    private async Task RetireLeftoversAsync(SlaGridClient client, CancellationToken cancellationToken)
    {
        // An earlier run at speed may have run ahead of today: a dossier whose last event lies after the first
        // closing time tried is refused (it would precede an accepted event), and tried again later on.
        var retired = 0;
        for (var step = 0; step < RetireOffsets.Length; step++)
        {
            for (var pass = 0; pass < 100; pass++)
            {
                var open = await client.GetOpenDossiersAsync(DemoProvince.ProvinceId, 1000, cancellationToken);
                if (open.Count == 0)
                {
                    LogRetiredIfAny(retired);
                    return;
                }

                var now = time.GetUtcNow();
                var events = open.Select(d => new DossierEvent(
                    $"{d.Id}-retired-{step}",
                    d.Id,
                    EventTypes.Withdrawn,
                    VietnamTime.ToLocal((d.ReceivedAt > now ? d.ReceivedAt : now) + RetireOffsets[step]))).ToList();
                var response = await client.PostEventsAsync(events, cancellationToken);
                var accepted = response.Results.Count(r => r.Status == IngestStatuses.Accepted);
                retired += accepted;
                if (accepted == 0)
                {
                    break;
                }
            }
        }

        LogRetiredIfAny(retired);
    }

    private void LogRetiredIfAny(int retired)
    {
        if (retired > 0)
        {
            LogRetired(logger, retired);
        }
    }

    private static bool IsTransient(Exception ex) => ex switch
    {
        SlaGridApiException api => api.IsTransient,
        HttpRequestException => true,
        TaskCanceledException => true, // the HttpClient's own timeout
        _ => false,
    };
}
