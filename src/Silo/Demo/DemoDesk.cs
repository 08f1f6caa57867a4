namespace SlaGrid.Silo.Demo;

/// <summary>Which kind of office handles a demo procedure.</summary>
internal enum DemoDesk
{
    /// <summary>Every commune's one-stop desk (bộ phận một cửa xã, phường).</summary>
    Commune,

    /// <summary>The province's Public Administration Service Centre (Trung tâm Phục vụ hành chính công).</summary>
    Centre,

    /// <summary>The land registry office (Văn phòng Đăng ký đất đai): a pocket of lateness, as in real provinces.</summary>
    LandRegistry,
}
