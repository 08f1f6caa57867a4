namespace SlaGrid.Silo.Demo;

/// <summary>Vietnamese names for the synthetic province: communes (after Khánh Hòa's and Ninh Thuận's) and people.</summary>
internal static class DemoNames
{
    /// <summary>Wards (phường): the towns and cities.</summary>
    public static readonly IReadOnlyList<string> Wards =
    [
        "Nha Trang", "Bắc Nha Trang", "Nam Nha Trang", "Tây Nha Trang", "Cam Ranh", "Bắc Cam Ranh", "Ba Ngòi",
        "Cam Linh", "Ninh Hòa", "Đông Ninh Hòa", "Hòa Thắng", "Phan Rang", "Đông Hải", "Đô Vinh", "Bảo An",
    ];

    /// <summary>Rural communes (xã).</summary>
    public static readonly IReadOnlyList<string> Communes =
    [
        "Nam Cam Ranh", "Bắc Ninh Hòa", "Tân Định", "Nam Ninh Hòa", "Tây Ninh Hòa", "Hòa Trí", "Đại Lãnh", "Tu Bông",
        "Vạn Thắng", "Vạn Ninh", "Vạn Hưng", "Diên Khánh", "Diên Lạc", "Diên Điền", "Diên Lâm", "Diên Thọ",
        "Suối Hiệp", "Cam Lâm", "Suối Dầu", "Cam Hiệp", "Cam An", "Bắc Khánh Vĩnh", "Trung Khánh Vĩnh",
        "Tây Khánh Vĩnh", "Nam Khánh Vĩnh", "Khánh Vĩnh", "Khánh Sơn", "Tây Khánh Sơn", "Đông Khánh Sơn",
        "Ninh Phước", "Phước Hữu", "Phước Hậu", "Thuận Nam", "Cà Ná", "Phước Hà", "Phước Dinh", "Ninh Hải",
        "Xuân Hải", "Vĩnh Hải", "Thuận Bắc", "Công Hải", "Ninh Sơn", "Lâm Sơn", "Anh Dũng", "Mỹ Sơn", "Bác Ái",
        "Bác Ái Đông", "Bác Ái Tây", "Cam Phước", "Ninh Lộc", "Ninh Đông", "Ninh Tân", "Ninh Xuân", "Ninh Quang",
        "Ninh Thọ", "Ninh An", "Ninh Ích", "Ninh Phú", "Ninh Vân", "Ninh Thủy", "Vĩnh Lương", "Phước Đồng",
        "Cam Thành", "Cam Thịnh", "Sơn Tân", "Cam Hải", "Cam Hòa", "Cam Tân", "Cam Đức", "Diên Phú", "Diên An",
        "Diên Toàn", "Diên Sơn", "Diên Xuân", "Diên Đồng", "Diên Tân", "Vạn Phú", "Vạn Lương", "Vạn Khánh",
        "Vạn Bình", "Vạn Phước", "Xuân Sơn", "Phước Thuận", "Phước Sơn", "Phước Vinh", "Phước Chiến",
        "Phước Kháng", "Phước Bình", "Phước Hòa", "Phước Tân", "Phước Tiến", "Phước Thắng", "Lợi Hải", "Bắc Sơn",
        "Quảng Sơn", "Mỹ Hải", "Phước Nam", "Phước Minh", "Nhị Hà", "Phước Trung",
    ];

    /// <summary>The special zone (đặc khu) of the province.</summary>
    public const string SpecialZone = "Đặc khu Trường Sa";

    /// <summary>First syllables of further commune names, when more are asked for than listed.</summary>
    public static readonly IReadOnlyList<string> ExtraFirst = ["Tân", "Phước", "Ninh", "Vạn", "Diên", "Cam", "Xuân", "Hòa", "Khánh", "Sơn"];

    /// <summary>Second syllables of further commune names.</summary>
    public static readonly IReadOnlyList<string> ExtraSecond = ["An", "Bình", "Hưng", "Lộc", "Phú", "Thạnh", "Thành", "Lợi", "Mỹ", "Trung", "Hiệp", "Long", "Nghĩa"];

    /// <summary>Family names, roughly by frequency.</summary>
    public static readonly IReadOnlyList<string> FamilyNames =
    [
        "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
        "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lâm", "Mai",
    ];

    /// <summary>Middle names of men.</summary>
    public static readonly IReadOnlyList<string> MaleMiddle = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân", "Ngọc"];

    /// <summary>Middle names of women.</summary>
    public static readonly IReadOnlyList<string> FemaleMiddle = ["Thị", "Thị", "Ngọc", "Thu", "Thanh", "Hoài", "Mỹ", "Kim", "Bích"];

    /// <summary>Given names of men.</summary>
    public static readonly IReadOnlyList<string> MaleGiven =
    [
        "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Huy", "Khánh", "Long", "Minh", "Nam", "Nghĩa",
        "Phong", "Phúc", "Quang", "Sơn", "Tâm", "Thắng", "Thành", "Trung", "Tuấn", "Việt",
    ];

    /// <summary>Given names of women.</summary>
    public static readonly IReadOnlyList<string> FemaleGiven =
    [
        "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Loan", "Mai", "Nga",
        "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Tâm", "Thảo", "Trang", "Vy", "Yến",
    ];

    /// <summary>The display names of <paramref name="count"/> communes: about one ward in five, the special zone tenth.</summary>
    public static IReadOnlyList<string> CommuneNames(int count)
    {
        var names = new List<string>(count);
        var used = new HashSet<string>(StringComparer.Ordinal);
        int ward = 0, commune = 0, extra = 0;
        for (var i = 0; i < count; i++)
        {
            string name;
            if (i == 9)
            {
                name = SpecialZone;
            }
            else if (i % 5 == 0 && ward < Wards.Count)
            {
                name = "Phường " + Wards[ward++];
            }
            else if (commune < Communes.Count)
            {
                name = "Xã " + Communes[commune++];
            }
            else if (ward < Wards.Count)
            {
                name = "Phường " + Wards[ward++];
            }
            else
            {
                var combos = ExtraFirst.Count * ExtraSecond.Count;
                var round = extra / combos;
                var combo = extra % combos;
                extra++;
                var bare = $"{ExtraFirst[combo % ExtraFirst.Count]} {ExtraSecond[combo / ExtraFirst.Count]}";
                name = "Xã " + (round == 0 ? bare : $"{bare} {round + 1}");
            }

            if (!used.Add(name))
            {
                i--;
                continue;
            }

            names.Add(name);
        }

        return names;
    }

    /// <summary>A person's full name drawn from <paramref name="random"/>.</summary>
    public static string Person(Random random)
    {
        var female = random.Next(2) == 0;
        var family = FamilyNames[random.Next(FamilyNames.Count)];
        var middle = (female ? FemaleMiddle : MaleMiddle)[random.Next(female ? FemaleMiddle.Count : MaleMiddle.Count)];
        var given = (female ? FemaleGiven : MaleGiven)[random.Next(female ? FemaleGiven.Count : MaleGiven.Count)];
        return $"{family} {middle} {given}";
    }
}
