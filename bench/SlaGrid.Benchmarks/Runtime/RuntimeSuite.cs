using System.Diagnostics;
using System.Runtime;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using SlaGrid.Runtime.Hosting;
using SlaGrid.Runtime.Storage;

namespace SlaGrid.Benchmarks.Runtime;

/// <summary>
/// The runtime suite: grain-to-grain calls against a direct call and a Channel round trip, activation cost
/// (memory and time), and durable deadlines (a burst's lag on the real clock; an hour of deadlines on a fast clock).
/// </summary>
public static class RuntimeSuite
{
    // Called through the interface, as a grain reference is.
    private static readonly IPing DirectTarget = new DirectPing();

    private static readonly string[] Parts = ["calls", "activations", "deadlines"];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        s_quick = options.Quick;
        if (options.Only is null)
        {
            // Each part in its own process, so that one part's heap and thread pool do not colour the next one's numbers.
            var failures = 0;
            foreach (var part in Parts)
            {
                failures += await RunChildAsync(part, options.Quick);
            }

            Console.WriteLine(failures == 0 ? "All parts ran." : $"{failures} part(s) missed a target or failed.");
            return 0;
        }

        Console.WriteLine($"# SlaGrid.Runtime benchmarks{(options.Quick ? " (--quick: tiny sizes, numbers mean nothing)" : string.Empty)}");
        Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} logical CPUs, server GC: {GCSettings.IsServerGC}, concurrent GC: {GCSettings.LatencyMode}");
        Console.WriteLine();
        var misses = 0;
        Console.WriteLine($"Load average at start (other processes share the 2 cores): {LoadAverage()}");
        Console.WriteLine();
        misses += options.Runs("calls") ? await CallsAsync(options) : 0;
        misses += options.Runs("activations") ? await ActivationsAsync(options) : 0;
        misses += options.Runs("deadlines") ? await DeadlinesAsync(options) : 0;
        Console.WriteLine(misses == 0 ? "All targets met." : $"{misses} target(s) missed.");
        Console.WriteLine();
        return misses == 0 ? 0 : 1;
    }

    private static async Task<int> RunChildAsync(string part, bool quick)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(RuntimeSuite).Assembly.Location);
        }

        foreach (var arg in new[] { "runtime", "--only", part }.Concat(quick ? ["--quick"] : []))
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {self}.");
        await child.WaitForExitAsync();
        return child.ExitCode == 0 ? 0 : 1;
    }

    private static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>The live managed heap after a full, compacting collection (large objects too).</summary>
    private static long LiveHeap()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    private static string Rate(double perSecond) => perSecond >= 1e6 ? $"{perSecond / 1e6:F2} M/s" : $"{perSecond / 1e3:F1} k/s";

    private static bool s_quick;

    private static string Verdict(bool met) => s_quick ? "not judged (--quick)" : met ? "met" : "MISSED";

    // ------------------------------------------------------------------------------------------------
    // Calls
    // ------------------------------------------------------------------------------------------------
    private static async Task<int> CallsAsync(BenchOptions options)
    {
        var pairs = options.Quick ? 4 : 64;
        var perPair = options.Quick ? 2_000 : 50_000;
        var runs = options.Quick ? 1 : 5;
        var total = (long)pairs * perPair;
        Console.WriteLine($"## Request/response calls ({pairs} concurrent callers x {perPair:N0} calls, best of {runs})");

        var direct = await BestOf(runs, () => DirectAsync(pairs, perPair));
        var channel = await BestOf(runs, () => ChannelAsync(pairs, perPair));

        await using var host = await GrainRuntimeHost.StartNewAsync(
            b => b.AddGrain<IPingGrain, PingGrain>().AddGrain<ICallerGrain, CallerGrain>(), null, CancellationToken.None);
        var callers = Enumerable.Range(0, pairs).Select(i => host.GrainFactory.GetGrain<ICallerGrain>($"caller-{i}")).ToArray();
        await Task.WhenAll(callers.Select((c, i) => c.RunAsync($"target-{i}", 1_000)));
        long allocated = 0;
        var cpu = TimeSpan.MaxValue;
        var grain = await BestOf(runs, async () =>
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var cpuBefore = CpuTime();
            var sw = Stopwatch.StartNew();
            await Task.WhenAll(callers.Select((c, i) => c.RunAsync($"target-{i}", perPair)));
            sw.Stop();
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            var used = CpuTime() - cpuBefore;
            cpu = used < cpu ? used : cpu;
            return sw.Elapsed;
        });

        var directRate = total / direct.TotalSeconds;
        var channelRate = total / channel.TotalSeconds;
        var grainRate = total / grain.TotalSeconds;
        Console.WriteLine("| what | calls/s | vs direct | vs Channel |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| direct interface call (await Task<int>) | {Rate(directRate)} | 1 | {directRate / channelRate:F2} |");
        Console.WriteLine($"| Channel<T> round trip (request + reply channel) | {Rate(channelRate)} | {channelRate / directRate:F4} | 1 |");
        Console.WriteLine($"| grain → grain call (SlaGrid.Runtime) | {Rate(grainRate)} | {grainRate / directRate:F4} | {grainRate / channelRate:F2} |");
        Console.WriteLine($"CPU time per grain call: {cpu.TotalMicroseconds / total:F2} µs (least over the runs; both cores). Allocated per grain call: {allocated / (double)total:F0} B. Target ≥ 1,000,000 grain calls/s: {Verdict(grainRate >= 1e6)}.");
        Console.WriteLine();
        return options.Quick || grainRate >= 1e6 ? 0 : 1;
    }

    private static async Task<TimeSpan> BestOf(int runs, Func<Task<TimeSpan>> run)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var elapsed = await run();
            if (elapsed < best)
            {
                best = elapsed;
            }
        }

        return best;
    }

    private static async Task<TimeSpan> DirectAsync(int pairs, int perPair)
    {
        var target = DirectTarget;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, pairs).Select(_ => Task.Run(async () =>
        {
            long sum = 0;
            for (var i = 0; i < perPair; i++)
            {
                sum += await target.PingAsync(i);
            }

            return sum;
        })));
        return sw.Elapsed;
    }

    private static async Task<TimeSpan> ChannelAsync(int pairs, int perPair)
    {
        var single = new UnboundedChannelOptions { SingleReader = true, SingleWriter = true };
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, pairs).Select(_ =>
        {
            var requests = Channel.CreateUnbounded<int>(single);
            var replies = Channel.CreateUnbounded<int>(single);
            var server = Task.Run(async () =>
            {
                await foreach (var request in requests.Reader.ReadAllAsync())
                {
                    replies.Writer.TryWrite(request + 1);
                }
            });
            var client = Task.Run(async () =>
            {
                long sum = 0;
                for (var i = 0; i < perPair; i++)
                {
                    requests.Writer.TryWrite(i);
                    sum += await replies.Reader.ReadAsync();
                }

                requests.Writer.Complete();
                return sum;
            });
            return Task.WhenAll(server, client);
        }));
        return sw.Elapsed;
    }

    // ------------------------------------------------------------------------------------------------
    // Activations
    // ------------------------------------------------------------------------------------------------
    private static async Task<int> ActivationsAsync(BenchOptions options)
    {
        var count = options.Quick ? 10_000 : 1_000_000;
        const int inFlight = 20_000;
        Console.WriteLine($"## Activations ({count:N0} grains without state)");
        var keys = Enumerable.Range(0, count).Select(i => $"g{i:D7}").ToArray();
        await using var host = await GrainRuntimeHost.StartNewAsync(b => b.AddGrain<IEmptyGrain, EmptyGrain>(), null, CancellationToken.None);
        await host.GrainFactory.GetGrain<IEmptyGrain>("warm").TouchAsync();
        var baseline = await ActivationBaselineAsync(keys, inFlight);
        var before = LiveHeap();
        var cpuBefore = CpuTime();
        var sw = Stopwatch.StartNew();
        for (var start = 0; start < count; start += inFlight)
        {
            var end = Math.Min(count, start + inFlight);
            var batch = new Task[end - start];
            for (var i = start; i < end; i++)
            {
                batch[i - start] = host.GrainFactory.GetGrain<IEmptyGrain>(keys[i]).TouchAsync();
            }

            await Task.WhenAll(batch);
        }

        sw.Stop();
        var cpu = CpuTime() - cpuBefore;
        var after = LiveHeap();
        var live = host.GetActivationCount("bench-empty") - 1;
        var perActivation = (after - before) / (double)count;
        var keyBytes = 22 + (2 * keys[0].Length);
        Console.WriteLine("| what | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| activations live after | {live:N0} |");
        Console.WriteLine($"| time to activate all (first call each, {inFlight:N0} in flight) | {sw.Elapsed.TotalSeconds:F2} s ({Rate(count / sw.Elapsed.TotalSeconds)}) |");
        Console.WriteLine($"| CPU time to activate all (both cores) | {cpu.TotalSeconds:F2} s ({cpu.TotalMicroseconds / count:F1} µs each) |");
        Console.WriteLine($"| baseline: the same keys into a ConcurrentDictionary of new 300-byte objects, each completing a Task from a thread-pool work item | {baseline.TotalSeconds:F2} s (activation / baseline: {sw.Elapsed / baseline:F1}) |");
        Console.WriteLine($"| managed memory per idle activation (grain, activation, directory entry; key string of ~{keyBytes} B not included) | {perActivation:F0} B |");
        Console.WriteLine($"Targets: < 5 s for 1,000,000: {Verdict(sw.Elapsed.TotalSeconds * (1_000_000.0 / count) < 5)}; ≤ 1 KiB per activation: {Verdict(perActivation <= 1024)}.");
        Console.WriteLine();
        GC.KeepAlive(keys);
        return options.Quick || (sw.Elapsed.TotalSeconds < 5 && perActivation <= 1024) ? 0 : 1;
    }

    /// <summary>The floor an activation could cost: a directory insert of a fresh object and a thread-pool hop.</summary>
    private static async Task<TimeSpan> ActivationBaselineAsync(string[] keys, int inFlight)
    {
        var directory = new System.Collections.Concurrent.ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        var sw = Stopwatch.StartNew();
        for (var start = 0; start < keys.Length; start += inFlight)
        {
            var end = Math.Min(keys.Length, start + inFlight);
            var batch = new Task[end - start];
            for (var i = start; i < end; i++)
            {
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var key = keys[i];
                ThreadPool.UnsafeQueueUserWorkItem(
                    s =>
                    {
                        directory.GetOrAdd(key, static _ => new byte[276]);
                        s.TrySetResult();
                    },
                    done,
                    preferLocal: false);
                batch[i - start] = done.Task;
            }

            await Task.WhenAll(batch);
        }

        sw.Stop();
        GC.KeepAlive(directory);
        return sw.Elapsed;
    }

    // ------------------------------------------------------------------------------------------------
    // Deadlines
    // ------------------------------------------------------------------------------------------------
    private static async Task<int> DeadlinesAsync(BenchOptions options)
    {
        var total = options.Quick ? 20_000 : 1_000_000;
        var burst = options.Quick ? 200 : 10_000;
        Console.WriteLine($"## Durable deadlines ({total:N0} over the next hour, {burst:N0} of them due in the same second; in-memory store; default options)");
        var misses = 0;

        // 1. Real clock: the burst's lag.
        var burstAfter = options.Quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(15);
        var (recorder, stats, windowBytes, armedIn) = await RunDeadlinesAsync(total, burst, burstAfter, speed: 1, options,
            until: r => r.Burst.Count >= burst, timeout: burstAfter + TimeSpan.FromSeconds(60));
        var lags = recorder.Burst.Order().ToArray();
        var p99 = Percentile(lags, 0.99);
        Console.WriteLine("| real clock | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| initial window load (armed after start) | {armedIn.TotalMilliseconds:F0} ms |");
        Console.WriteLine($"| deadlines held in memory (window 10 min) | {stats.InMemory:N0} of {total:N0} stored |");
        Console.WriteLine($"| managed memory of the loaded window | {windowBytes / 1048576.0:F1} MiB ({windowBytes / (double)Math.Max(1, stats.InMemory):F0} B per deadline) |");
        Console.WriteLine($"| burst fired | {lags.Length:N0} of {burst:N0} |");
        Console.WriteLine($"| burst lag p50 / p99 / max | {Percentile(lags, 0.5) * 1000:F1} / {p99 * 1000:F1} / {(lags.Length > 0 ? lags[^1] * 1000 : double.NaN):F1} ms |");
        var burstOk = lags.Length == burst && p99 < 0.050;
        Console.WriteLine($"Target: all fired, p99 < 50 ms: {Verdict(burstOk)}.");
        misses += burstOk ? 0 : 1;

        // 2. Fast clock: the whole hour, every deadline fired, memory bounded by the window.
        var speed = options.Quick ? 1200 : 20;
        var (recorder2, stats2, _, _) = await RunDeadlinesAsync(total, burst, TimeSpan.FromMinutes(20), speed, options,
            until: r => Interlocked.Read(ref r.Fired) >= total, timeout: TimeSpan.FromHours(1) / speed + TimeSpan.FromSeconds(90));
        var fired = Interlocked.Read(ref recorder2.Fired);
        var all = recorder2.Background.Concat(recorder2.Burst).Order().ToArray();
        Console.WriteLine();
        Console.WriteLine($"| clock ×{speed} (one hour in {60.0 / speed:F1} real minutes) | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| fired | {fired:N0} of {total:N0} |");
        Console.WriteLine($"| most deadlines in memory at once | {stats2.InMemory:N0} ({stats2.InMemory * 100.0 / total:F1} % of the stored ones) |");
        Console.WriteLine($"| lag p99 / max, in real time (virtual ÷ {speed}) | {Percentile(all, 0.99) / speed * 1000:F1} / {(all.Length > 0 ? all[^1] / speed * 1000 : double.NaN):F1} ms |");
        var allOk = fired == total && stats2.InMemory < total / 3;
        Console.WriteLine($"Target: all fired, memory bounded by the window: {Verdict(allOk)}.");
        misses += allOk ? 0 : 1;
        Console.WriteLine();
        return options.Quick ? 0 : misses;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static async Task<(LagRecorder Recorder, SlaGrid.Runtime.Deadlines.DeadlineStatistics PeakStats, long WindowBytes, TimeSpan ArmedIn)> RunDeadlinesAsync(
        int total, int burst, TimeSpan burstAfter, double speed, BenchOptions options, Func<LagRecorder, bool> until, TimeSpan timeout)
    {
        var store = new InMemoryDeadlineStore();
        var start = TimeProvider.System.GetUtcNow();
        var random = new Random(42);
        for (var i = 0; i < total - burst; i++)
        {
            var due = start + TimeSpan.FromTicks((long)(random.NextDouble() * TimeSpan.TicksPerHour));
            await store.UpsertAsync(new DeadlineEntry("bench-deadline", $"d{i}", "due", due), CancellationToken.None);
        }

        var burstAt = start + burstAfter;
        for (var i = 0; i < burst; i++)
        {
            await store.UpsertAsync(new DeadlineEntry("bench-deadline", $"b{i}", "due", burstAt + TimeSpan.FromTicks((long)(random.NextDouble() * TimeSpan.TicksPerSecond))), CancellationToken.None);
        }

        var recorder = new LagRecorder();
        var baseline = LiveHeap();

        // The clock starts at the first deadline's instant only now, so that setup does not make deadlines late.
        var time = new ScaledTimeProvider(speed, start);
        await using var host = GrainRuntimeHost.Create(
            b => b.AddGrain<IDeadlineBenchGrain, DeadlineBenchGrain>(),
            s => s.AddSingleton<TimeProvider>(time).AddSingleton<IDeadlineStore>(store).AddSingleton(recorder));
        var sw = Stopwatch.StartNew();
        await host.StartAsync(CancellationToken.None);
        await host.Deadlines.WaitUntilArmedAsync(CancellationToken.None);
        var armedIn = sw.Elapsed;
        var loaded = host.Deadlines.GetStatistics();
        // Measured on the real clock only: two blocking full collections would stall a fast clock's deadlines.
        var windowBytes = speed == 1 ? LiveHeap() - baseline : 0;
        var peak = loaded;
        var pauseBefore = GC.GetTotalPauseDuration();
        var gen2Before = GC.CollectionCount(2);
        var gen1Before = GC.CollectionCount(1);
        var giveUp = Stopwatch.StartNew();
        TimeSpan? burstPauseStart = null;
        while (!until(recorder) && giveUp.Elapsed < timeout)
        {
            await Task.Delay(speed == 1 ? 10 : 100);
            if (burstPauseStart is null && time.GetUtcNow() >= burstAt - TimeSpan.FromMilliseconds(200))
            {
                burstPauseStart = GC.GetTotalPauseDuration();
            }

            var now = host.Deadlines.GetStatistics();
            if (now.InMemory > peak.InMemory)
            {
                peak = now;
            }
        }

        _ = options;
        if (speed == 1 && burstPauseStart is { } burstStart)
        {
            Console.WriteLine($"(GC paused {(GC.GetTotalPauseDuration() - burstStart).TotalMilliseconds:F0} ms from just before the burst to its last handler)");
        }

        Console.WriteLine($"(run at ×{speed}: GC paused {(GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds:F0} ms in {GC.CollectionCount(1) - gen1Before} gen1 / {GC.CollectionCount(2) - gen2Before} gen2 collections while firing; load average {LoadAverage()})");
        Console.WriteLine();
        return (recorder, speed == 1 ? loaded : peak, windowBytes, armedIn);
    }
}
