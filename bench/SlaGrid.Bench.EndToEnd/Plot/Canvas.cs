namespace SlaGrid.Bench.EndToEnd.Plot;

/// <summary>A tiny rasterizer: pixels, thick lines, rectangles and 5×7 bitmap text.</summary>
internal sealed class Canvas
{
    private readonly byte[] _rgb;

    public Canvas(int width, int height)
    {
        Width = width;
        Height = height;
        _rgb = new byte[width * height * 3];
        Fill(0, 0, width, height, Rgb.White);
    }

    public int Width { get; }

    public int Height { get; }

    public void Set(int x, int y, Rgb c)
    {
        if (x < 0 || y < 0 || x >= Width || y >= Height)
        {
            return;
        }

        var i = ((y * Width) + x) * 3;
        _rgb[i] = c.R;
        _rgb[i + 1] = c.G;
        _rgb[i + 2] = c.B;
    }

    public void Fill(int x, int y, int w, int h, Rgb c)
    {
        for (var yy = y; yy < y + h; yy++)
        {
            for (var xx = x; xx < x + w; xx++)
            {
                Set(xx, yy, c);
            }
        }
    }

    /// <summary>A line of the given thickness (Bresenham, stamped with a square brush).</summary>
    public void Line(double x0d, double y0d, double x1d, double y1d, Rgb c, int thickness = 1)
    {
        int x0 = (int)Math.Round(x0d), y0 = (int)Math.Round(y0d), x1 = (int)Math.Round(x1d), y1 = (int)Math.Round(y1d);
        int dx = Math.Abs(x1 - x0), sx = x0 < x1 ? 1 : -1, dy = -Math.Abs(y1 - y0), sy = y0 < y1 ? 1 : -1, err = dx + dy;
        var half = thickness / 2;
        while (true)
        {
            Fill(x0 - half, y0 - half, thickness, thickness, c);
            if (x0 == x1 && y0 == y1)
            {
                break;
            }

            var e2 = 2 * err;
            if (e2 >= dy)
            {
                err += dy;
                x0 += sx;
            }

            if (e2 <= dx)
            {
                err += dx;
                y0 += sy;
            }
        }
    }

    /// <summary>Draws text (upper-cased) at a scale; returns its width in pixels.</summary>
    public int Text(int x, int y, string text, Rgb c, int scale = 2)
    {
        var cx = x;
        foreach (var ch in text.ToUpperInvariant())
        {
            var glyph = Font5x7.Glyph(ch);
            for (var row = 0; row < 7; row++)
            {
                for (var col = 0; col < 5; col++)
                {
                    if ((glyph[row] & (1 << (4 - col))) != 0)
                    {
                        Fill(cx + (col * scale), y + (row * scale), scale, scale, c);
                    }
                }
            }

            cx += 6 * scale;
        }

        return cx - x;
    }

    /// <summary>The width text would take.</summary>
    public static int TextWidth(string text, int scale = 2) => text.Length * 6 * scale;

    /// <summary>The image as PNG.</summary>
    public byte[] ToPng() => PngEncoder.Encode(Width, Height, _rgb);
}
