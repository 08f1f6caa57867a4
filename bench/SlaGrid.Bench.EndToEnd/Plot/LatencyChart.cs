using System.Globalization;

namespace SlaGrid.Bench.EndToEnd.Plot;

/// <summary>
/// Latency percentile curves: x on a "nines" scale (p50, p90, p99, p99.9, max), y logarithmic in milliseconds.
/// </summary>
internal static class LatencyChart
{
    private const int Width = 1100;
    private const int Height = 620;
    private const int Left = 100;
    private const int Right = 330;
    private const int Top = 60;
    private const int Bottom = 80;
    private const double MaxX = 3.35;

    private static readonly double[] Points = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 97, 98, 99, 99.5, 99.7, 99.8, 99.9];

    /// <summary>Renders the chart as PNG.</summary>
    public static byte[] Render(string title, IReadOnlyList<ChartSeries> series)
    {
        var canvas = new Canvas(Width, Height);
        var plotted = series.Where(s => s.Values.Count > 0).ToList();
        var all = plotted.SelectMany(s => new[] { s.Values.At(0), s.Values.Max }).Where(v => v > 0).ToList();
        var lo = Math.Floor(Math.Log10(Math.Max(0.1, all.Count == 0 ? 1 : all.Min())));
        var hi = Math.Ceiling(Math.Log10(Math.Max(1, all.Count == 0 ? 1000 : all.Max())));
        if (hi <= lo)
        {
            hi = lo + 1;
        }

        double X(double nines) => Left + (nines / MaxX * (Width - Left - Right));
        double Y(double ms) => Height - Bottom - ((Math.Log10(Math.Max(ms, Math.Pow(10, lo))) - lo) / (hi - lo) * (Height - Top - Bottom));

        canvas.Text(Left, 18, title, Rgb.Black, 2);
        for (var d = lo; d <= hi; d++)
        {
            var y = Y(Math.Pow(10, d));
            canvas.Line(Left, y, Width - Right, y, Rgb.Grid);
            for (var m = 2; m < 10 && d < hi; m++)
            {
                var ym = Y(m * Math.Pow(10, d));
                canvas.Line(Left, ym, Left + 6, ym, Rgb.Axis);
            }

            var label = FormatMs(Math.Pow(10, d));
            canvas.Text(Left - 10 - Canvas.TextWidth(label), (int)y - 7, label, Rgb.Axis);
        }

        foreach (var (nines, label) in new[] { (0.0, "P0"), (0.30103, "P50"), (1.0, "P90"), (2.0, "P99"), (3.0, "P99.9"), (MaxX, "MAX") })
        {
            var x = X(nines);
            canvas.Line(x, Top, x, Height - Bottom, Rgb.Grid);
            canvas.Text((int)x - (Canvas.TextWidth(label) / 2), Height - Bottom + 10, label, Rgb.Axis);
        }

        canvas.Line(Left, Top, Left, Height - Bottom, Rgb.Axis, 2);
        canvas.Line(Left, Height - Bottom, Width - Right, Height - Bottom, Rgb.Axis, 2);
        canvas.Text(Left, Height - 30, "PERCENTILE (NINES SCALE)      Y: LATENCY, LOG SCALE", Rgb.Axis);

        var legendY = Top;
        foreach (var s in plotted)
        {
            double? px = null, py = null;
            foreach (var p in Points)
            {
                var x = X(-Math.Log10(1 - (p / 100)));
                var y = Y(s.Values.At(p));
                if (px is { } lx && py is { } ly)
                {
                    canvas.Line(lx, ly, x, y, s.Color, 3);
                }

                px = x;
                py = y;
            }

            var mx = X(MaxX);
            var my = Y(s.Values.Max);
            canvas.Line(px!.Value, py!.Value, mx, my, s.Color, 1);
            canvas.Fill((int)mx - 4, (int)my - 4, 9, 9, s.Color);

            canvas.Fill(Width - Right + 20, legendY + 3, 24, 8, s.Color);
            canvas.Text(Width - Right + 52, legendY, s.Label, Rgb.Black);
            canvas.Text(Width - Right + 52, legendY + 18, $"P99 {FormatMs(s.Values.At(99))} N={s.Values.Count}", Rgb.Axis, 1);
            legendY += 44;
        }

        return canvas.ToPng();
    }

    private static string FormatMs(double ms) => ms switch
    {
        >= 1000 => (ms / 1000).ToString(ms >= 10_000 ? "0" : "0.#", CultureInfo.InvariantCulture) + " S",
        >= 1 => ms.ToString("0", CultureInfo.InvariantCulture) + " MS",
        _ => ms.ToString("0.##", CultureInfo.InvariantCulture) + " MS",
    };
}
