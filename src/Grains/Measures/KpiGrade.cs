namespace SlaGrid.Grains.Measures;

/// <summary>Officer grades of Decree 335/2025/NĐ-CP (from 2026), by KPI score out of 100.</summary>
public enum KpiGrade
{
    /// <summary>≥ 90: hoàn thành xuất sắc nhiệm vụ.</summary>
    Excellent,

    /// <summary>70 to &lt; 90: hoàn thành tốt nhiệm vụ.</summary>
    Good,

    /// <summary>50 to &lt; 70: hoàn thành nhiệm vụ.</summary>
    Complete,

    /// <summary>&lt; 50: không hoàn thành nhiệm vụ.</summary>
    NotComplete,
}
