using SlaGrid.Client.Contracts;

namespace SlaGrid.Silo.Demo;

/// <summary>
/// The procedures the demo uses: common one-stop procedures with their legal limits (same day to 20 working days,
/// in working days, calendar days and working hours). Codes are demo codes, not the national database's.
/// </summary>
internal static class DemoProcedures
{
    /// <summary>All of them.</summary>
    public static readonly IReadOnlyList<DemoProcedure> All =
    [
        Commune("DEMO-CT-BANSAO", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", 0, LimitUnits.WorkingDays, 30),
        Commune("DEMO-CT-CHUKY", "Chứng thực chữ ký trong các giấy tờ, văn bản", 0, LimitUnits.WorkingDays, 10),
        Commune("DEMO-HT-KHAISINH", "Đăng ký khai sinh", 0, LimitUnits.WorkingDays, 10),
        Commune("DEMO-HT-KHAITU", "Đăng ký khai tử", 0, LimitUnits.WorkingDays, 3),
        Commune("DEMO-HT-TRICHLUC", "Cấp bản sao trích lục hộ tịch", 4, LimitUnits.WorkingHours, 6),
        Commune("DEMO-HT-KETHON", "Đăng ký kết hôn", 5, LimitUnits.WorkingDays, 4),
        Commune("DEMO-HT-HONNHAN", "Xác nhận tình trạng hôn nhân", 3, LimitUnits.WorkingDays, 6),
        Commune("DEMO-CT-HOPDONG", "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản", 2, LimitUnits.WorkingDays, 5),
        Commune("DEMO-CT-THUONGTRU", "Đăng ký thường trú", 7, LimitUnits.WorkingDays, 5),
        Commune("DEMO-HKD", "Đăng ký thành lập hộ kinh doanh", 3, LimitUnits.WorkingDays, 4),
        Commune("DEMO-XD-GPXD", "Cấp giấy phép xây dựng nhà ở riêng lẻ", 15, LimitUnits.Days, 3),
        Commune("DEMO-BTXH-TROCAP", "Trợ cấp xã hội hằng tháng đối với người cao tuổi", 10, LimitUnits.Days, 2),
        Centre("DEMO-TP-LLTP", "Cấp Phiếu lý lịch tư pháp", 10, LimitUnits.WorkingDays, 5),
        Centre("DEMO-GT-GPLX", "Cấp đổi giấy phép lái xe", 5, LimitUnits.WorkingDays, 6),
        Centre("DEMO-KH-DKDN", "Đăng ký thành lập doanh nghiệp", 3, LimitUnits.WorkingDays, 3),
        Land("DEMO-DD-CAPGCN", "Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu", 20, 3),
        Land("DEMO-DD-BIENDONG", "Đăng ký biến động quyền sử dụng đất (chuyển nhượng, tặng cho)", 10, 6),
        new(new Procedure("DEMO-DD-THONGTIN", "Cung cấp thông tin, dữ liệu đất đai", new ProcedureLimit(8, LimitUnits.WorkingHours)), DemoDesk.LandRegistry, 2),
    ];

    private static DemoProcedure Commune(string code, string name, int value, string unit, double weight) =>
        new(new Procedure(code, name, new ProcedureLimit(value, unit)), DemoDesk.Commune, weight);

    private static DemoProcedure Centre(string code, string name, int value, string unit, double weight) =>
        new(new Procedure(code, name, new ProcedureLimit(value, unit)), DemoDesk.Centre, weight);

    private static DemoProcedure Land(string code, string name, int workingDays, double weight) =>
        new(new Procedure(code, name, new ProcedureLimit(workingDays, LimitUnits.WorkingDays), FeesPauseClock: true), DemoDesk.LandRegistry, weight);
}
