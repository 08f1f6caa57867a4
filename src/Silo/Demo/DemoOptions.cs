using System.ComponentModel.DataAnnotations;

namespace SlaGrid.Silo.Demo;

/// <summary>
/// The demo mode (<c>--demo</c>): a synthetic province seeded and fed live. Bound from section <c>Demo</c>
/// (<c>--speed N</c> → <c>Demo:Speed</c>, <c>--seed N</c> → <c>Demo:Seed</c>); validated at start.
/// </summary>
public sealed class DemoOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Demo";

    /// <summary>Whether the demo runs (default false).</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// How many times faster than real time the silo's clock runs (default 1; 1–10,000). At 600 one real second is
    /// ten simulated minutes, and a working day passes in under a minute and a half.
    /// </summary>
    [Range(1, 10_000)]
    public int Speed { get; set; } = 1;

    /// <summary>The seed of the simulation: the same seed and start give the same province and the same dossiers (default 42).</summary>
    public int Seed { get; set; } = 42;

    /// <summary>How many communes (xã, phường) the synthetic province has (default 100; 1–1,000).</summary>
    [Range(1, 1_000)]
    public int Communes { get; set; } = 100;

    /// <summary>
    /// Dossiers received per minute of simulated office time, province-wide (default 2, about 1,000 a working day;
    /// 0.01–1,000). Online submissions outside office hours arrive at a twentieth of this rate.
    /// </summary>
    [Range(0.01, 1_000)]
    public double DossiersPerMinute { get; set; } = 2;

    /// <summary>
    /// How many working days of history are simulated at start, so that the grid opens with a backlog (open, due
    /// soon, overdue, finished dossiers) and alerts (default 5; 0–30).
    /// </summary>
    [Range(0, 30)]
    public int HistoryWorkingDays { get; set; } = 5;
}
