using System.Globalization;
using System.Text;

namespace SlaGrid.Silo.Demo;

/// <summary>The lines the demo prints once it is ready: where to look, and the key to look with.</summary>
internal static class DemoBanner
{
    /// <summary>The banner text.</summary>
    /// <param name="baseAddress">The silo's address (ending with a slash).</param>
    /// <param name="province">The seeded province.</param>
    /// <param name="options">The demo settings.</param>
    /// <param name="adminKey">The admin key to print, or null when it came from the environment (not echoed).</param>
    /// <param name="now">The simulated now.</param>
    public static string Format(Uri baseAddress, DemoProvince province, DemoOptions options, string? adminKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(province);
        ArgumentNullException.ThrowIfNull(options);
        var root = baseAddress.AbsoluteUri.TrimEnd('/');
        var communes = province.Units.Count(u => u.Level == "commune");
        var speed = options.Speed == 1
            ? "real time"
            : string.Create(CultureInfo.InvariantCulture, $"x{options.Speed} (1 real second = {Simulated(options.Speed)})");
        var key = adminKey ?? "the one in SLAGRID_ADMIN_KEY (or Security:AdminKey)";
        var curlKey = adminKey ?? "$SLAGRID_ADMIN_KEY";
        var rule = new string('=', 78);
        var text = new StringBuilder();
        text.AppendLine(rule);
        text.AppendLine(CultureInfo.InvariantCulture, $"  SlaGrid demo: {DemoProvince.ProvinceName}, {communes} communes, {province.Procedures.Count} procedures, seed {options.Seed}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  Clock: {speed}; simulated now {now.ToOffset(TimeSpan.FromHours(7)):yyyy-MM-dd HH:mm} (+07:00)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  History: {options.HistoryWorkingDays} working days replayed now, then {options.DossiersPerMinute.ToString("0.##", CultureInfo.InvariantCulture)} dossiers per office minute, live");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"  Operations page  {root}/");
        text.AppendLine(CultureInfo.InvariantCulture, $"  Metrics          {root}/metrics");
        text.AppendLine(CultureInfo.InvariantCulture, $"  API              {root}/api/v1/   (OpenAPI: {root}/openapi/v1.json)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  Admin key        {key}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"  curl -H \"Authorization: Bearer {curlKey}\" {root}/api/v1/units/{DemoProvince.ProvinceId}/stats");
        text.AppendLine(rule);
        return text.ToString();
    }

    private static string Simulated(int speed)
    {
        var span = TimeSpan.FromSeconds(speed);
        return span.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} simulated hours")
            : span.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} simulated minutes")
            : string.Create(CultureInfo.InvariantCulture, $"{speed} simulated seconds");
    }
}
