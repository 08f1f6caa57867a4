using System.Globalization;
using SlaGrid.Client.Contracts;

namespace SlaGrid.Silo.Demo;

/// <summary>
/// The synthetic province: its units (the province, its communes, the service centre and the land registry office),
/// officers with leaders per unit, procedures, and the traits of each receiving office. A pure function of the seed
/// and the commune count.
/// </summary>
internal sealed class DemoProvince
{
    /// <summary>The province's unit id.</summary>
    public const string ProvinceId = "KH-DEMO";

    /// <summary>The province's display name.</summary>
    public const string ProvinceName = "Tỉnh Khánh Hòa (demo)";

    /// <summary>The nation's id used when the store has no nation yet.</summary>
    public const string DefaultNationId = "VN";

    private DemoProvince(string nationId, IReadOnlyList<Unit> units, IReadOnlyList<Officer> officers, IReadOnlyList<DemoOffice> offices)
    {
        NationId = nationId;
        Units = units;
        Officers = officers;
        Offices = offices;
        Procedures = DemoProcedures.All;
    }

    /// <summary>The nation the province hangs under.</summary>
    public string NationId { get; }

    /// <summary>The province first, then its units (parents before children).</summary>
    public IReadOnlyList<Unit> Units { get; }

    /// <summary>Every officer, leaders included.</summary>
    public IReadOnlyList<Officer> Officers { get; }

    /// <summary>The procedures.</summary>
    public IReadOnlyList<DemoProcedure> Procedures { get; }

    /// <summary>The units that receive dossiers.</summary>
    public IReadOnlyList<DemoOffice> Offices { get; }

    /// <summary>Builds the province for <paramref name="seed"/> with <paramref name="communes"/> communes, under <paramref name="nationId"/>.</summary>
    public static DemoProvince Build(int seed, int communes, string nationId = DefaultNationId)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(communes, 1);
        ArgumentException.ThrowIfNullOrEmpty(nationId);
        var random = new Random(seed);
        var units = new List<Unit>();
        var officers = new List<Officer>();
        var offices = new List<DemoOffice>();

        units.Add(new Unit(ProvinceId, ProvinceName, nationId, "province", Leaders(ProvinceId, officers, random)));

        var names = DemoNames.CommuneNames(communes);
        double communeWeight = 0;
        for (var i = 0; i < names.Count; i++)
        {
            var id = $"{ProvinceId}-X{(i + 1).ToString("D3", CultureInfo.InvariantCulture)}";
            var name = names[i];
            units.Add(new Unit(id, name, ProvinceId, "commune", Leaders(id, officers, random)));
            var staff = random.Next(2, 6);
            var weight = name.StartsWith("Phường", StringComparison.Ordinal) ? 1.5 + (random.NextDouble() * 1.5)
                : name.StartsWith("Đặc khu", StringComparison.Ordinal) ? 0.1
                : 0.4 + random.NextDouble();
            var lateRate = random.NextDouble() < 0.1 ? 0.08 + (random.NextDouble() * 0.08) : 0.003 + (random.NextDouble() * 0.017);
            offices.Add(Office(id, DemoDesk.Commune, staff, weight, lateRate, officers, random));
            communeWeight += weight;
        }

        var centre = $"{ProvinceId}-TTPVHCC";
        units.Add(new Unit(centre, "Trung tâm Phục vụ hành chính công tỉnh Khánh Hòa (demo)", ProvinceId, "department", Leaders(centre, officers, random)));
        offices.Add(Office(centre, DemoDesk.Centre, 8, communeWeight * 0.12, 0.015, officers, random));

        var land = $"{ProvinceId}-VPDKDD";
        units.Add(new Unit(land, "Văn phòng Đăng ký đất đai tỉnh Khánh Hòa (demo)", ProvinceId, "department", Leaders(land, officers, random)));
        offices.Add(Office(land, DemoDesk.LandRegistry, 6, communeWeight * 0.08, 0.12, officers, random));

        return new DemoProvince(nationId, units, officers, offices);
    }

    private static List<string> Leaders(string unitId, List<Officer> officers, Random random)
    {
        var leaders = new List<string>(2);
        for (var i = 1; i <= 2; i++)
        {
            var id = $"{unitId}-LD{i.ToString("D2", CultureInfo.InvariantCulture)}";
            officers.Add(new Officer(id, DemoNames.Person(random), unitId));
            leaders.Add(id);
        }

        return leaders;
    }

    private static DemoOffice Office(string unitId, DemoDesk desk, int staff, double weight, double lateRate, List<Officer> officers, Random random)
    {
        var ids = new List<string>(staff);
        for (var i = 1; i <= staff; i++)
        {
            var id = $"{unitId}-CB{i.ToString("D2", CultureInfo.InvariantCulture)}";
            officers.Add(new Officer(id, DemoNames.Person(random), unitId));
            ids.Add(id);
        }

        var handlers = ids.Count > 1 ? ids.Skip(1).ToList() : ids;
        var slow = random.NextDouble() < 0.2 ? handlers[random.Next(handlers.Count)] : null;
        return new DemoOffice(unitId, desk, ids[0], handlers, weight, lateRate, slow);
    }
}
