using System.Text.Json.Nodes;
using SlaGrid.Cli;
using SlaGrid.IntegrationTests.Api;
using SlaGrid.Testing;
using Spectre.Console;

namespace SlaGrid.IntegrationTests.Sdk;

/// <summary>The <c>slagrid</c> CLI in-process against the real silo: import → replay → stats (and replay again).</summary>
public sealed class CliRoundTripTests(ApiSilo api) : IClassFixture<ApiSilo>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("slagrid-cli-rt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [PostgresFact]
    public async Task ImportReplayStats_RoundTrip_AndASecondReplayIsAllDuplicate()
    {
        Assert.Equal(ExitCodes.Ok, (await Run("import", "units", File("units.csv", """
            id,name,parentId,level,leaders
            CL-P,"Tỉnh ""CLI"", thử",VN,province,CL-L1;CL-L2
            CL-C1,Xã Một,CL-P,commune,
            CL-C2,Phường Hai,CL-P,ward,CL-L3
            """))).Code);
        Assert.Equal(ExitCodes.Ok, (await Run("import", "officers", File("officers.csv", "id,name,unitId\nCL-O1,Cán bộ Một,CL-C1\n"))).Code);
        Assert.Equal(ExitCodes.Ok, (await Run("import", "procedures", File("procedures.csv", "code,name,limitValue,limitUnit,feesPauseClock\nCL-5,Năm ngày,5,working_days,no\nCL-H,Bốn giờ,4,working_hours,\n"))).Code);
        Assert.Equal(ExitCodes.Ok, (await Run("import", "calendar", File("calendar.csv", "date,kind\n2026-06-03,holiday\n"))).Code);

        var events = File("events.csv", """
            eventId,dossierId,type,at,unitId,procedureCode,officerId,dueAt,newDueAt
            cl-1,CL-D1,received,2026-03-02T09:00:00+07:00,CL-C1,CL-5,CL-O1,,
            cl-2,CL-D1,processed,2026-03-04T10:00:00+07:00,,,,,
            cl-3,CL-D2,received,2026-03-02T09:00:00+07:00,CL-C2,CL-5,,,
            cl-4,CL-D2,processed,2026-03-20T10:00:00+07:00,,,,,
            cl-5,CL-D3,received,2026-03-02T09:00:00+07:00,CL-C2,CL-H,,,
            cl-6,CL-D4,received,2026-03-02T09:00:00,CL-C1,CL-5,CL-O1,,
            cl-7,CL-D5,received,2026-03-02T09:00:00+07:00,CL-NOPE,CL-5,,,
            """);
        var first = await Run("--json", "replay", events, "--batch", "2");
        Assert.Equal(ExitCodes.NotAccepted, first.Code);
        var summary = JsonNode.Parse(first.Out)!;
        Assert.Equal(7, (int)summary["records"]!);
        Assert.Equal(6, (int)summary["accepted"]!);
        Assert.Equal(1, (int)summary["rejected"]!["unknown_unit"]!);

        var second = JsonNode.Parse((await Run("--json", "replay", events)).Out)!;
        Assert.Equal(6, (int)second["duplicate"]!);
        Assert.Equal(0, (int)second["accepted"]!);

        var stats = await Run("--json", "stats", "unit", "CL-P", "--from", "2026-03-01", "--to", "2026-03-31");
        Assert.Equal(ExitCodes.Ok, stats.Code);
        var json = JsonNode.Parse(stats.Out)!;
        Assert.Equal(4, (long)json["received"]!);
        Assert.Equal(2, (long)json["open"]!);
        Assert.Equal(2, (long)json["overdue"]!);
        Assert.Equal(1, (long)json["finishedEarly"]!);
        Assert.Equal(1, (long)json["finishedLate"]!);
        Assert.Equal(0.25, (double)json["onTimeRatio"]!, 12);

        var officer = JsonNode.Parse((await Run("--json", "stats", "officer", "CL-O1")).Out)!;
        Assert.Equal(2, (long)officer["received"]!);

        // A time without an offset was read as Vietnam time by the CLI: CL-D4 was received at 09:00 +07:00.
        var dossier = await Run("--json", "dossier", "CL-D4");
        Assert.Equal("2026-03-02T09:00:00+07:00", (string?)JsonNode.Parse(dossier.Out)!["receivedAt"]);
        Assert.Equal(ExitCodes.NotAccepted, (await Run("dossier", "CL-D5")).Code);
    }

    private sealed record CliRun(int Code, string Out, string Error);

    private async Task<CliRun> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 240;
        var environment = new Dictionary<string, string?> { ["SLAGRID_URL"] = api.Silo.BaseAddress.ToString(), ["SLAGRID_KEY"] = Infrastructure.TestSilo.AdminKey };
        var code = await CliApp.RunAsync(args, console, error, name => environment.GetValueOrDefault(name), CancellationToken.None);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    private string File(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, content.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        return path;
    }
}
