namespace SlaGrid.Bench.EndToEnd.Plot;

/// <summary>A colour.</summary>
internal readonly record struct Rgb(byte R, byte G, byte B)
{
    public static readonly Rgb White = new(255, 255, 255);
    public static readonly Rgb Black = new(20, 20, 20);
    public static readonly Rgb Grid = new(225, 225, 225);
    public static readonly Rgb Axis = new(110, 110, 110);
}
