using System.Globalization;
using Npgsql;
using SlaGrid.Client;
using SlaGrid.Client.Contracts;

namespace SlaGrid.Bench.EndToEnd;

/// <summary>
/// One end-to-end run: PostgreSQL (started or given), the silo as a separate process over it, the synthetic dataset
/// loaded through the SDK, then the measurements and, on the same server, the baselines.
/// </summary>
internal sealed class BenchRunner(BenchOptions options, TextWriter log, TimeProvider time)
{
    private const int LoadBatch = 1000;
    private const int Writers = 8;

    private readonly BenchProfile _profile = options.Profile;
    private readonly WallClock _clock = new(time);
    private PostgresCluster? _cluster;
    private int? _postmasterPid;

    /// <summary>Runs every phase and returns the report.</summary>
    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var report = new BenchReport { Profile = _profile, StartedAt = time.GetUtcNow() };
        report.Machine = await MachineInfo.ReadAsync(cancellationToken);
        string serverConnection;
        if (options.PostgresConnectionString is { } given)
        {
            serverConnection = given;
            report.PostgresMode = "an existing server (--pg)";
        }
        else
        {
            _cluster = await PostgresCluster.StartAsync(log, cancellationToken);
            serverConnection = _cluster.ConnectionString;
            report.PostgresMode = $"a throwaway cluster started by the harness ({PostgresCluster.Settings})";
        }

        string? freshName = null;
        try
        {
            var databaseConnection = serverConnection;
            if (options.FreshDatabase)
            {
                freshName = "slagrid_bench_" + Guid.NewGuid().ToString("N")[..12];
                await ExecAsync(serverConnection, $"CREATE DATABASE \"{freshName}\"", cancellationToken);
                databaseConnection = new NpgsqlConnectionStringBuilder(serverConnection) { Database = freshName }.ConnectionString;
            }

            await DescribePostgresAsync(databaseConnection, report, cancellationToken);
            await using var silo = new SiloHost(SiloHost.Locate(options.SiloPath), databaseConnection, time);
            await RunPhasesAsync(silo, databaseConnection, report, cancellationToken);
        }
        finally
        {
            if (freshName is not null)
            {
                NpgsqlConnection.ClearAllPools();
                try
                {
                    await ExecAsync(serverConnection, $"DROP DATABASE IF EXISTS \"{freshName}\" WITH (FORCE)", CancellationToken.None);
                }
                catch (NpgsqlException e)
                {
                    await log.WriteLineAsync($"[bench] could not drop {freshName}: {e.Message}");
                }
            }

            if (_cluster is not null)
            {
                await _cluster.DisposeAsync();
            }
        }

        report.Machine.LoadAtEnd = MachineInfo.LoadAverage();
        report.Duration = time.GetElapsedTime(started);
        return report;
    }

    private async Task RunPhasesAsync(SiloHost silo, string db, BenchReport report, CancellationToken ct)
    {
        var data = new Dataset(_profile);
        var events = new EventFactory(data, "e" + Guid.NewGuid().ToString("N")[..6] + "-");

        // 1. An empty silo.
        Say($"starting the silo (empty database); its output goes to {silo.LogPath}");
        report.FirstStart = await silo.StartAsync(ct);
        await Task.Delay(TimeSpan.FromSeconds(3), time, ct);
        report.RssEmpty = ProcStats.RssBytes(silo.Pid);
        using var client = new SlaGridClient(silo.BaseAddress, silo.AdminKey);

        // 2. Reference data, then a restart so that the memory baseline holds the catalog but no dossier.
        Say($"reference data: {_profile.Provinces} provinces, {_profile.Communes} communes, {_profile.Officers} officers");
        var referenceStarted = time.GetTimestamp();
        var units = data.Units().ToList();
        await client.PutUnitsAsync(units, ct);
        var officers = data.Officers().ToList();
        foreach (var chunk in officers.Chunk(50_000))
        {
            await client.PutOfficersAsync(chunk, ct);
        }

        await client.PutProceduresAsync(Dataset.Procedures(), ct);
        report.ReferenceLoad = time.GetElapsedTime(referenceStarted);
        report.Units = units.Count;
        report.Officers = officers.Count;
        await silo.KillAsync();
        report.RestartReferenceOnly = await silo.StartAsync(ct);
        await Task.Delay(TimeSpan.FromSeconds(5), time, ct);
        report.RssReference = ProcStats.RssBytes(silo.Pid);

        // 3. The dataset, through the SDK's ingest channel.
        Say($"loading {_profile.OpenDossiers:N0} open and {_profile.FinishedDossiers:N0} finished dossiers through the SDK");
        var random = new Random(options.Seed);
        var now = time.GetUtcNow();
        long open = _profile.OpenDossiers;
        long finished = _profile.FinishedDossiers;
        var finishedAt = new DateTimeOffset[finished];
        var load0 = CpuSnapshot.Take(time, silo.Pid, PostmasterPid(db));
        report.DatasetLoad = await SendAllAsync(client, Concat(OpenReceipts(), FinishedReceipts()), ct);
        var completion = await SendAllAsync(client, FinishedCompletions(), ct);
        report.Phases.Add(("dataset load", CpuSnapshot.Share(load0, CpuSnapshot.Take(time, silo.Pid, PostmasterPid(db)), time), MachineInfo.LoadAverage()));
        report.DatasetLoad = Merge(report.DatasetLoad, completion);
        report.LoadedStats = await client.GetUnitStatsAsync(Dataset.Nation, cancellationToken: ct);
        Say($"loaded: {report.DatasetLoad.Accepted:N0} events at {report.DatasetLoad.Accepted / report.DatasetLoad.Elapsed.TotalSeconds:N0}/s; nation: {Describe(report.LoadedStats)}");
        if (report.DatasetLoad.Rejected + report.DatasetLoad.Failed > 0)
        {
            report.Notes.Add($"Dataset load: {report.DatasetLoad.Rejected} rejected, {report.DatasetLoad.Failed} failed: {string.Join("; ", report.DatasetLoad.Problems)}");
        }

        if (!_profile.RestartOnly)
        {
            await LoadAndBaselinePhasesAsync(client, silo, db, events, open, finished, report, ct);
        }

        Say("baseline: the incumbent's GROUP BY unit query");
        report.StatsAtIncumbent = await client.GetUnitStatsAsync(Dataset.Nation, cancellationToken: ct);
        report.Incumbent.AddRange(await IncumbentBaseline.RunAsync(db, _profile.IncumbentRuns, time, ct));
        await using (var connection = new NpgsqlConnection(db))
        {
            await connection.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("SELECT (SELECT count(*) FROM dossiers), (SELECT count(*) FROM dossier_events)", connection);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            report.DossierRows = reader.GetInt64(0);
            report.EventRows = reader.GetInt64(1);
        }

        // 7. Memory with the grains active, then a kill -9 with deadlines falling due while the silo is down.
        report.RssActive = ProcStats.RssBytes(silo.Pid);
        report.OpenAtActive = report.StatsAtIncumbent.Open;
        await RestartPhaseAsync(client, silo, events, report, db, ct);

        IEnumerable<DossierEvent> OpenReceipts()
        {
            for (long i = 0; i < open; i++)
            {
                var overdue = random.NextDouble() < 0.03;
                DateTimeOffset due, at;
                if (overdue)
                {
                    due = now - TimeSpan.FromHours(1 + (random.NextDouble() * 71));
                    at = due - TimeSpan.FromDays(1 + (random.NextDouble() * 9));
                }
                else
                {
                    due = now + TimeSpan.FromHours(2 + (random.NextDouble() * 478));
                    at = now - TimeSpan.FromDays(random.NextDouble() * 10);
                }

                yield return events.Received(i, Round(at), Dataset.DrawProcedure(random), Round(due));
            }
        }

        IEnumerable<DossierEvent> FinishedReceipts()
        {
            for (long k = 0; k < finished; k++)
            {
                var at = now - TimeSpan.FromDays(30 + (random.NextDouble() * 335));
                var late = random.NextDouble() < 0.03;
                finishedAt[k] = at + TimeSpan.FromDays(late ? 15 + (random.NextDouble() * 5) : 1 + (random.NextDouble() * 12));
                yield return events.Received(open + k, Round(at), Dataset.DrawProcedure(random), Round(at + TimeSpan.FromDays(14)));
            }
        }

        IEnumerable<DossierEvent> FinishedCompletions()
        {
            for (long k = 0; k < finished; k++)
            {
                yield return events.Simple(open + k, EventTypes.Processed, Round(finishedAt[k]));
            }
        }

        static IEnumerable<DossierEvent> Concat(IEnumerable<DossierEvent> a, IEnumerable<DossierEvent> b) => a.Concat(b);
    }

    // 4–6: the saturating and paced mixed loads, the deadline burst, the plain-insert baselines.
    private async Task LoadAndBaselinePhasesAsync(SlaGridClient client, SiloHost silo, string db, EventFactory events, long open, long finished, BenchReport report, CancellationToken ct)
    {
        // 4. Saturation: the mixed load as fast as the silo takes it.
        Say($"saturating mixed load for {_profile.SaturationSeconds} s");
        var mixed = new MixedSource(events, time, options.Seed + 1, open, open + finished);
        var cpu0 = CpuSnapshot.Take(time, silo.Pid, PostmasterPid(db));
        await using (var channel = client.CreateIngestChannel(new IngestChannelOptions { MaxBatchSize = LoadBatch, MaxConcurrentBatches = Writers, Capacity = 50_000 }))
        {
            report.Saturation = await new LoadDriver(channel, time).RunAsync(mixed, null, TimeSpan.FromSeconds(_profile.SaturationSeconds), 2 * Writers * LoadBatch, TimeSpan.FromSeconds(Math.Min(5, _profile.SaturationSeconds / 3.0)), ct);
        }

        var cpu1 = CpuSnapshot.Take(time, silo.Pid, PostmasterPid(db));
        report.SaturationCpu = CpuSnapshot.Per1000(cpu0, cpu1, report.Saturation.Accepted);
        report.Phases.Add(("saturating mixed load", CpuSnapshot.Share(cpu0, cpu1, time), MachineInfo.LoadAverage()));
        Say($"saturation: {report.Saturation.Accepted:N0} accepted, {report.Saturation.SteadyRate:N0} events/s, ack p50 {report.Saturation.AckMs.At(50):N1} ms p99 {report.Saturation.AckMs.At(99):N1} ms");
        NoteProblems(report, "Saturation", report.Saturation);

        // 5. Paced load with the nation's live feed, and deadlines spread over it.
        var watcher = await NationWatcher.StartAsync(client, time, null, ct);
        try
        {
            await PacedPhaseAsync(client, watcher, mixed, events, report, silo, db, ct);
            await BurstPhaseAsync(client, watcher, events, report, db, ct);
        }
        finally
        {
            await watcher.DisposeAsync();
        }

        // 6. Baselines on the same server: plain durable inserts, and the incumbent's GROUP BY query.
        foreach (var copy in new[] { true, false })
        {
            Say($"baseline: plain {(copy ? "COPY" : "INSERT")} of event rows for {_profile.BaselineSeconds} s");
            var base0 = CpuSnapshot.Take(time, silo.Pid, PostmasterPid(db));
            report.Baselines.Add(await PlainInsertBaseline.RunAsync(db, copy, Writers, LoadBatch, TimeSpan.FromSeconds(_profile.BaselineSeconds), () => PostmasterPid(db), time, ct));
            report.Phases.Add(($"baseline: plain {(copy ? "COPY" : "INSERT")}", CpuSnapshot.Share(base0, CpuSnapshot.Take(time, silo.Pid, PostmasterPid(db)), time), MachineInfo.LoadAverage()));
        }
    }

    private async Task PacedPhaseAsync(SlaGridClient client, NationWatcher watcher, MixedSource mixed, EventFactory events, BenchReport report, SiloHost silo, string db, CancellationToken ct)
    {
        var saturation = report.Saturation!.SteadyRate;
        report.PacedTarget = _profile.PacedRate;
        report.PacedRate = saturation >= _profile.PacedRate * 1.05 ? _profile.PacedRate : Math.Floor(saturation * 0.8 / 100) * 100;
        if (report.PacedRate < _profile.PacedRate)
        {
            report.Notes.Add($"The silo took {saturation:N0} events/s at saturation, less than the {_profile.PacedRate:N0}/s the latency target names: the paced phase ran at {report.PacedRate:N0}/s (80% of saturation) instead.");
        }

        // Deadlines spread over the paced phase: each probe falls due at its own instant while the load runs.
        var lead = TimeSpan.FromSeconds(Math.Min(3, _profile.PacedSeconds / 4.0));
        var start = time.GetUtcNow() + TimeSpan.FromSeconds(2) + TimeSpan.FromSeconds(_profile.SpreadProbes / 1000.0);
        var span = TimeSpan.FromSeconds(_profile.PacedSeconds) - lead - lead;
        var dues = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        for (var i = 0; i < _profile.SpreadProbes; i++)
        {
            dues["QS" + i.ToString("D6", CultureInfo.InvariantCulture)] = Round(start + lead + (span * i / Math.Max(1, _profile.SpreadProbes)));
        }

        await SendAllAsync(client, Probes(events, dues), ct);
        await Task.Delay(TimeSpan.FromSeconds(1), time, ct);
        var baseline = NationWatcher.Countable((await watcher.WaitForStatsAsync(_ => true, TimeSpan.FromSeconds(10), ct))!);
        var statsBefore = watcher.Stats.Count;
        var wait = start - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, ct);
        }

        Say($"paced mixed load at {report.PacedRate:N0} events/s for {_profile.PacedSeconds} s, watching /api/v1/units/{Dataset.Nation}/live");
        mixed.NewShare = 0.4;
        var cpu0 = CpuSnapshot.Take(time, silo.Pid, PostmasterPid(db));
        await using (var channel = client.CreateIngestChannel(new IngestChannelOptions { MaxBatchSize = LoadBatch, MaxConcurrentBatches = Writers, Capacity = 50_000 }))
        {
            report.Paced = await new LoadDriver(channel, time).RunAsync(mixed, report.PacedRate, TimeSpan.FromSeconds(_profile.PacedSeconds), 2 * Writers * LoadBatch, TimeSpan.FromSeconds(Math.Min(5, _profile.PacedSeconds / 3.0)), ct);
        }

        var cpu1 = CpuSnapshot.Take(time, silo.Pid, PostmasterPid(db));
        report.PacedCpu = CpuSnapshot.Per1000(cpu0, cpu1, report.Paced.Accepted);
        report.Phases.Add(($"paced mixed load ({report.PacedRate:N0}/s)", CpuSnapshot.Share(cpu0, cpu1, time), MachineInfo.LoadAverage()));
        NoteProblems(report, "Paced", report.Paced);
        var sends = report.Paced.CountableSends;
        await watcher.WaitForStatsAsync(s => NationWatcher.Countable(s) >= baseline + sends.Count, TimeSpan.FromSeconds(30), ct);
        var stats = watcher.Stats.Skip(statsBefore).ToList();
        report.NationStatsEvents = stats.Count;

        // The k-th accepted countable event (in send order) is counted once the nation's total reaches baseline + k.
        var latencies = new List<double>(sends.Count);
        var s = 0;
        for (var k = 0; k < sends.Count; k++)
        {
            while (s < stats.Count && NationWatcher.Countable(stats[s].Stats) - baseline < k + 1)
            {
                s++;
            }

            if (s == stats.Count)
            {
                report.EventToNationMissing = sends.Count - k;
                break;
            }

            latencies.Add(Math.Max(0, time.GetElapsedTime(sends[k], stats[s].At).TotalMilliseconds));
        }

        report.EventToNationMs = new Percentiles(latencies);
        Say($"paced: ack p50 {report.Paced.AckMs.At(50):N1} ms p99 {report.Paced.AckMs.At(99):N1} ms; event→nation p50 {report.EventToNationMs.At(50):N1} ms p99 {report.EventToNationMs.At(99):N1} ms");
        report.SpreadDeadlines = await CollectDeadlinesAsync(watcher, db, "QS", dues, TimeSpan.FromSeconds(30), ct);
        Say($"spread deadlines: {report.SpreadDeadlines.Fired}/{report.SpreadDeadlines.Probes} fired, lag p50 {report.SpreadDeadlines.SeenLagMs.At(50):N0} ms p99 {report.SpreadDeadlines.SeenLagMs.At(99):N0} ms");
    }

    private async Task BurstPhaseAsync(SlaGridClient client, NationWatcher watcher, EventFactory events, BenchReport report, string db, CancellationToken ct)
    {
        // N dossiers due in the same second: received a few seconds ahead, all with the same due instant.
        var rate = Math.Max(500, report.Saturation!.SteadyRate);
        var margin = TimeSpan.FromSeconds(4 + (2 * _profile.BurstSize / rate));
        var due = new DateTimeOffset(time.GetUtcNow().Add(margin).UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var dues = Enumerable.Range(0, _profile.BurstSize).ToDictionary(i => "QB" + i.ToString("D6", CultureInfo.InvariantCulture), _ => due, StringComparer.Ordinal);
        Say($"burst: {_profile.BurstSize:N0} dossiers due at {due:HH:mm:ss}Z");
        var ingestStarted = time.GetTimestamp();
        var load = await SendAllAsync(client, Probes(events, dues), ct);
        report.BurstIngest = time.GetElapsedTime(ingestStarted);
        NoteProblems(report, "Burst receipt", load);
        if (time.GetUtcNow() >= due - TimeSpan.FromMilliseconds(500))
        {
            report.Notes.Add($"The burst's receipts were acknowledged only {(due - time.GetUtcNow()).TotalMilliseconds:N0} ms before the due instant; its lag is still measured, but some firings may have overlapped the receipts.");
        }

        report.BurstDeadlines = await CollectDeadlinesAsync(watcher, db, "QB", dues, TimeSpan.FromSeconds(120), ct);
        Say($"burst deadlines: {report.BurstDeadlines.Fired}/{report.BurstDeadlines.Probes} fired, seen {report.BurstDeadlines.Seen}; lag p50 {report.BurstDeadlines.FiredLagMs.At(50):N0} ms p99 {report.BurstDeadlines.FiredLagMs.At(99):N0} ms");
    }

    private async Task RestartPhaseAsync(SlaGridClient client, SiloHost silo, EventFactory events, BenchReport report, string db, CancellationToken ct)
    {
        // The probes' due instant leaves time to send them at the rate the silo was seen to take (the restart profile
        // has no saturation phase: the dataset load's rate then).
        var seen = report.Saturation?.SteadyRate
            ?? (report.DatasetLoad is { Elapsed.TotalSeconds: > 0 } load ? load.Accepted / load.Elapsed.TotalSeconds : 0);
        var rate = Math.Max(500, seen);
        var margin = TimeSpan.FromSeconds(3 + (2 * _profile.RestartProbes / rate));
        var due = Round(time.GetUtcNow() + margin);
        var dues = Enumerable.Range(0, _profile.RestartProbes).ToDictionary(i => "QR" + i.ToString("D6", CultureInfo.InvariantCulture), _ => due, StringComparer.Ordinal);
        string? lastEventId;
        await using (var watcher = await NationWatcher.StartAsync(client, time, null, ct))
        {
            Say($"restart: {_profile.RestartProbes:N0} dossiers due at {due:HH:mm:ss.fff}Z, then kill -9 before that");
            NoteProblems(report, "Restart probes", await SendAllAsync(client, Probes(events, dues), ct));
            report.StatsBeforeKill = await client.GetUnitStatsAsync(Dataset.Nation, cancellationToken: ct);
            await Task.Delay(TimeSpan.FromMilliseconds(300), time, ct);
            lastEventId = watcher.LastEventId;
        }

        var killedAt = time.GetTimestamp();
        if (time.GetUtcNow() >= due)
        {
            report.Notes.Add("The restart probes fell due before the kill: the restart proof below does not hold for this run.");
        }

        await silo.KillAsync();
        var downUntil = due + TimeSpan.FromSeconds(2) - time.GetUtcNow();
        if (downUntil > TimeSpan.Zero)
        {
            await Task.Delay(downUntil, time, ct);
        }

        Say("restart: starting the silo over the dataset");
        var startAt = time.GetTimestamp();
        report.RestartToReady = await silo.StartAsync(ct);
        var readyWall = _clock.ToWall(startAt + (long)(report.RestartToReady.TotalSeconds * time.TimestampFrequency));
        report.Downtime = time.GetElapsedTime(killedAt);
        report.BootstrapLine = silo.Output.Split('\n').LastOrDefault(l => l.Contains("Grid ready", StringComparison.Ordinal))?.Trim();
        await using (var watcher = await NationWatcher.StartAsync(client, time, lastEventId, ct))
        {
            report.RestartDeadlines = await CollectDeadlinesAsync(watcher, db, "QR", dues, TimeSpan.FromSeconds(120), ct);
        }

        var created = await CreatedAtAsync(db, "QR", ct);
        report.FiredAfterReadyMs = new Percentiles(created.Values.Select(c => (c - readyWall).TotalMilliseconds));
        report.StatsAfterRestart = await client.GetUnitStatsAsync(Dataset.Nation, cancellationToken: ct);
        Say($"restart: ready in {report.RestartToReady.TotalSeconds:N1} s; {report.RestartDeadlines.Fired}/{report.RestartDeadlines.Probes} missed deadlines fired, last {report.FiredAfterReadyMs.Max:N0} ms after ready");

        // Idle: after a restart no dossier grain is active; what is left per open dossier is its place in the counters.
        await Task.Delay(TimeSpan.FromSeconds(10), time, ct);
        report.RssIdle = ProcStats.RssBytes(silo.Pid);
        report.OpenAtIdle = report.StatsAfterRestart.Open;
    }

    // Probe dossiers, received now with an explicit due instant (the appointment printed on the receipt).
    private IEnumerable<DossierEvent> Probes(EventFactory events, IReadOnlyDictionary<string, DateTimeOffset> dues)
    {
        var i = 0L;
        foreach (var (id, due) in dues)
        {
            yield return events.Received(i++, Round(time.GetUtcNow()), "TT-10D", due, id);
        }
    }

    private async Task<DeadlineResult> CollectDeadlinesAsync(NationWatcher watcher, string db, string prefix, IReadOnlyDictionary<string, DateTimeOffset> dues, TimeSpan timeout, CancellationToken ct)
    {
        var last = dues.Values.Max();
        var wait = last - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, ct);
        }

        bool AllSeen(IReadOnlyList<AlertSeen> alerts) =>
            alerts.Count(a => a.Event == AlertEventTypes.Raised && a.Alert.Kind == AlertKinds.Overdue && a.Alert.DossierId is { } d && d.StartsWith(prefix, StringComparison.Ordinal)) >= dues.Count;

        if (!await watcher.WaitForAlertsAsync(AllSeen, timeout, ct))
        {
            // Some were not seen live (the feed drops the oldest messages of a slow subscriber); the store says which fired.
            await Task.Delay(TimeSpan.FromSeconds(1), time, ct);
        }

        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var a in watcher.Alerts)
        {
            if (a.Event == AlertEventTypes.Raised && a.Alert.Kind == AlertKinds.Overdue && a.Alert.DossierId is { } d && dues.ContainsKey(d))
            {
                seen.TryAdd(d, a.At);
            }
        }

        var created = await CreatedAtAsync(db, prefix, ct);
        return new DeadlineResult(
            dues.Count,
            created.Count,
            seen.Count,
            new Percentiles(seen.Select(s => (_clock.ToWall(s.Value) - dues[s.Key]).TotalMilliseconds)),
            new Percentiles(created.Where(c => dues.ContainsKey(c.Key)).Select(c => (c.Value - dues[c.Key]).TotalMilliseconds)));
    }

    private static async Task<Dictionary<string, DateTimeOffset>> CreatedAtAsync(string db, string prefix, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT dossier_id, min(created_at) FROM alerts WHERE kind = 'overdue' AND dossier_id LIKE $1 GROUP BY dossier_id", connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = prefix + "%" });
        var result = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result[reader.GetString(0)] = new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero);
        }

        return result;
    }

    private async Task<LoadResult> SendAllAsync(SlaGridClient client, IEnumerable<DossierEvent> events, CancellationToken ct)
    {
        await using var channel = client.CreateIngestChannel(new IngestChannelOptions { MaxBatchSize = LoadBatch, MaxConcurrentBatches = Writers / 2, Capacity = 50_000 });
        return await new LoadDriver(channel, time).RunAsync(new ListSource(events), null, null, Writers * LoadBatch, TimeSpan.Zero, ct);
    }

    private static LoadResult Merge(LoadResult a, LoadResult b) => a with
    {
        Sent = a.Sent + b.Sent,
        Accepted = a.Accepted + b.Accepted,
        Duplicates = a.Duplicates + b.Duplicates,
        Rejected = a.Rejected + b.Rejected,
        Failed = a.Failed + b.Failed,
        Problems = [.. a.Problems, .. b.Problems],
        Elapsed = a.Elapsed + b.Elapsed,
        AckMs = new Percentiles(a.AckMs.Sorted.Concat(b.AckMs.Sorted)),
    };

    private static void NoteProblems(BenchReport report, string phase, LoadResult load)
    {
        if (load.Rejected + load.Failed > 0)
        {
            report.Notes.Add($"{phase}: {load.Rejected} rejected, {load.Failed} failed of {load.Sent:N0}: {string.Join("; ", load.Problems.Take(3))}");
        }
    }

    private int? PostmasterPid(string db)
    {
        if (_postmasterPid is { } known)
        {
            return known;
        }

        _postmasterPid = _cluster?.PostmasterPid();
        if (_postmasterPid is null)
        {
            // A server on this machine: a backend's parent is the postmaster.
            try
            {
                using var connection = new NpgsqlConnection(db);
                connection.Open();
                using var cmd = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
                var backend = (int)cmd.ExecuteScalar()!;
                var stat = File.ReadAllText($"/proc/{backend}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                _postmasterPid = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or NpgsqlException or UnauthorizedAccessException or FormatException)
            {
                _postmasterPid = -1;
            }
        }

        return _postmasterPid is > 0 ? _postmasterPid : null;
    }

    private static async Task DescribePostgresAsync(string db, BenchReport report, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync(ct);
        await using (var cmd = new NpgsqlCommand("SELECT version()", connection))
        {
            report.Machine.Postgres = (string)(await cmd.ExecuteScalarAsync(ct))!;
        }

        await using (var cmd = new NpgsqlCommand(
            "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings WHERE name IN " +
            "('fsync', 'synchronous_commit', 'shared_buffers', 'wal_level', 'max_connections', 'full_page_writes', 'commit_delay')", connection))
        {
            report.Machine.PostgresSettings = (string)(await cmd.ExecuteScalarAsync(ct))!;
        }
    }

    private static async Task ExecAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static DateTimeOffset Round(DateTimeOffset t) => new(t.UtcTicks / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    private static string Describe(UnitStats s) =>
        $"received {s.Received:N0}, open {s.Open:N0}, overdue {s.Overdue:N0}, due soon {s.DueSoon:N0}, finished {s.FinishedEarly + s.FinishedOnTime + s.FinishedLate:N0}";

    private void Say(string message) => log.WriteLine($"[bench {time.GetUtcNow():HH:mm:ss}] {message}");
}
