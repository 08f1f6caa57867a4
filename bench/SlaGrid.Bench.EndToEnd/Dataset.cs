using System.Globalization;
using SlaGrid.Client.Contracts;

namespace SlaGrid.Bench.EndToEnd;

/// <summary>
/// The synthetic administrative tree of a profile: the nation, its provinces, communes spread over them, officers
/// spread over the communes (the first officer of each commune leads it), and a handful of procedures. Every dossier
/// index maps to a commune and one of its officers deterministically.
/// </summary>
internal sealed class Dataset(BenchProfile profile)
{
    /// <summary>The nation's unit id.</summary>
    public const string Nation = "VN";

    /// <summary>The procedures: code, limit, and how often dossiers use it (weights sum to 100).</summary>
    public static readonly (string Code, ProcedureLimit Limit, int Weight)[] ProcedureMix =
    [
        ("TT-1D", new ProcedureLimit(1, LimitUnits.WorkingDays), 10),
        ("TT-3D", new ProcedureLimit(3, LimitUnits.WorkingDays), 20),
        ("TT-5D", new ProcedureLimit(5, LimitUnits.WorkingDays), 25),
        ("TT-10D", new ProcedureLimit(10, LimitUnits.WorkingDays), 20),
        ("TT-15D", new ProcedureLimit(15, LimitUnits.WorkingDays), 10),
        ("TT-30C", new ProcedureLimit(30, LimitUnits.Days), 10),
        ("TT-4H", new ProcedureLimit(4, LimitUnits.WorkingHours), 5),
    ];

    private readonly int _officersPerCommune = Math.Max(1, profile.Officers / profile.Communes);

    /// <summary>The profile.</summary>
    public BenchProfile Profile { get; } = profile;

    /// <summary>The unit id of province <paramref name="p"/> (0-based).</summary>
    public static string ProvinceId(int p) => "P" + (p + 1).ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>The unit id of commune <paramref name="c"/> (0-based): under province c mod provinces.</summary>
    public string CommuneId(int c) => ProvinceId(c % Profile.Provinces) + ".C" + (c + 1).ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>The id of officer <paramref name="o"/> (0-based): works in commune o mod communes.</summary>
    public static string OfficerId(int o) => "O" + (o + 1).ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The units, top-down.</summary>
    public IEnumerable<Unit> Units()
    {
        yield return new Unit(Nation, "Việt Nam", null, "nation", ["L-" + Nation]);
        for (var p = 0; p < Profile.Provinces; p++)
        {
            var id = ProvinceId(p);
            yield return new Unit(id, "Tỉnh " + id, Nation, "province", ["L-" + id]);
        }

        for (var c = 0; c < Profile.Communes; c++)
        {
            yield return new Unit(CommuneId(c), "Xã " + (c + 1).ToString(CultureInfo.InvariantCulture), ProvinceId(c % Profile.Provinces), "commune", [OfficerId(c)]);
        }
    }

    /// <summary>The officers: the leaders of the nation and provinces, then the communes' officers.</summary>
    public IEnumerable<Officer> Officers()
    {
        yield return new Officer("L-" + Nation, "Lãnh đạo quốc gia", Nation);
        for (var p = 0; p < Profile.Provinces; p++)
        {
            yield return new Officer("L-" + ProvinceId(p), "Lãnh đạo " + ProvinceId(p), ProvinceId(p));
        }

        var total = Math.Max(Profile.Officers, Profile.Communes);
        for (var o = 0; o < total; o++)
        {
            yield return new Officer(OfficerId(o), "Cán bộ " + (o + 1).ToString(CultureInfo.InvariantCulture), CommuneId(o % Profile.Communes));
        }
    }

    /// <summary>The procedures.</summary>
    public static IEnumerable<Procedure> Procedures() =>
        ProcedureMix.Select(p => new Procedure(p.Code, "Thủ tục " + p.Code, p.Limit));

    /// <summary>The commune of dossier <paramref name="index"/> (spread by a multiplicative hash).</summary>
    public int CommuneOf(long index) => (int)((ulong)(index * 2_654_435_761L) % (ulong)Profile.Communes);

    /// <summary>The officer handling dossier <paramref name="index"/> (one of its commune's officers).</summary>
    public string OfficerOf(long index, int shift = 0)
    {
        var commune = CommuneOf(index);
        var k = (int)((index / Profile.Communes) + shift) % _officersPerCommune;
        return OfficerId(commune + (k * Profile.Communes));
    }

    /// <summary>A procedure code drawn by the mix's weights.</summary>
    public static string DrawProcedure(Random random)
    {
        var x = random.Next(100);
        foreach (var (code, _, weight) in ProcedureMix)
        {
            if (x < weight)
            {
                return code;
            }

            x -= weight;
        }

        return ProcedureMix[0].Code;
    }

    /// <summary>The dossier id of index <paramref name="index"/>.</summary>
    public static string DossierId(long index) => "D" + index.ToString("D8", CultureInfo.InvariantCulture);
}
