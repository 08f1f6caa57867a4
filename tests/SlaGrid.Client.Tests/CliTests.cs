using System.Text.Json;
using SlaGrid.Cli;
using SlaGrid.Client.Contracts;
using SlaGrid.Client.Tests.Fakes;
using Spectre.Console;

namespace SlaGrid.Client.Tests;

/// <summary>The <c>slagrid</c> CLI run in-process against the fake silo: parsing, files, output and exit codes.</summary>
public sealed class CliTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 8, 30, 0, TimeSpan.FromHours(7));
    private readonly string _dir = Directory.CreateTempSubdirectory("slagrid-cli-").FullName;
    private FakeSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await FakeSilo.StartAsync();

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private sealed record CliRun(int Code, string Out, string Error);

    private async Task<CliRun> Run(params string[] args) => await Run(FakeSilo.AdminKey, args);

    private async Task<CliRun> Run(string? key, string[] args, bool terminal = false, CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.TrueColor : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 240;
        var environment = new Dictionary<string, string?> { ["SLAGRID_URL"] = _silo.BaseAddress.ToString(), ["SLAGRID_KEY"] = key };
        var code = await CliApp.RunAsync(args, console, error, name => environment.GetValueOrDefault(name), cancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    private string File(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Help_ListsTheCommands_AndExitsZero()
    {
        var run = await Run("--help");
        Assert.Equal(ExitCodes.Ok, run.Code);
        foreach (var command in new[] { "import", "replay", "stats", "dossier", "alerts", "ack", "watch", "keys" })
        {
            Assert.Contains(command, run.Out, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string[]> UsageErrors => new()
    {
        { [] },
        { [ "frobnicate"] },
        { [ "alerts", "--state", "sleeping"] },
        { [ "keys", "create", "--name", "x"] },
        { [ "keys", "create", "--name", "x", "--role", "root"] },
        { [ "stats", "unit", "P01", "--from", "2026-13-01"] },
        { [ "stats", "unit", "P01", "--from", "2026-02-01", "--to", "2026-01-01"] },
        { [ "replay", "/no/such/file.csv"] },
        { [ "replay", "x.csv", "--batch", "0"] },
        { [ "dossier", "D1", "--url", "not a url"] },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task UsageErrors_ExitWithTwo_AndSendNothing(string[] args)
    {
        var run = await Run(args);
        Assert.Equal(ExitCodes.Usage, run.Code);
        Assert.StartsWith("slagrid: ", run.Error, StringComparison.Ordinal);
        Assert.Empty(_silo.Queries);
    }

    [Fact]
    public async Task ImportUnitsCsv_ParsesQuotesEmptyParentsAndLeaderLists()
    {
        var path = File("units.csv", "\uFEFFid,name,parentId,level,leaders\r\nVN,\"Viet Nam, the nation\",,nation,L1;L2\r\nP01,\"Province \"\"One\"\"\",VN,province,\r\n");
        var run = await Run("import", "units", path);

        Assert.Equal(ExitCodes.Ok, run.Code);
        Assert.Contains("Imported 2 units.", run.Out, StringComparison.Ordinal);
        Assert.Equal(
            """[{"id":"VN","name":"Viet Nam, the nation","parentId":null,"level":"nation","leaders":["L1","L2"]},{"id":"P01","name":"Province \"One\"","parentId":"VN","level":"province","leaders":[]}]""",
            _silo.RawBodies["/api/v1/units"]);
    }

    [Fact]
    public async Task ImportProceduresCsv_AndOfficersJson_AndCalendarCsv()
    {
        var procedures = File("procedures.csv", "code,name,limitValue,limitUnit,feesPauseClock\n1.001,Birth,5,working_days,true\n1.002,\"Same day\",0,working_days,\n");
        var officers = File("officers.json", """[{"id":"O1","name":"A","unitId":"P01"}]""");
        var calendar = File("calendar.csv", "date,kind\n2026-02-16,holiday\n2026-02-07,workday\n");

        Assert.Equal(ExitCodes.Ok, (await Run("import", "procedures", procedures)).Code);
        Assert.Equal(ExitCodes.Ok, (await Run("import", "officers", officers)).Code);
        Assert.Equal(ExitCodes.Ok, (await Run("--json", "import", "calendar", calendar)).Code);

        Assert.Equal(
            [new Procedure("1.001", "Birth", new ProcedureLimit(5, LimitUnits.WorkingDays), true), new Procedure("1.002", "Same day", new ProcedureLimit(0, LimitUnits.WorkingDays), false)],
            _silo.Procedures);
        Assert.Equal(new Officer("O1", "A", "P01"), Assert.Single(_silo.Officers));
        var update = Assert.Single(_silo.Calendars);
        Assert.Equal([new DateOnly(2026, 2, 16)], update.Holidays);
        Assert.Equal([new DateOnly(2026, 2, 7)], update.Workdays);
    }

    [Theory]
    [InlineData("procedures.csv", "code,name,limitValue,limitUnit\n1,A,5,working_days\n2,B,5,fortnights\n", "line 3")]
    [InlineData("procedures.csv", "code,name,limitUnit\n1,A,days\n", "limitValue")]
    [InlineData("procedures.csv", "code,name,limitValue,limitUnit\n1,\"A,5,days\n", "never closed")]
    [InlineData("procedures.json", "[{\"code\":\"1\",\"name\":\"A\"}]", "limit")]
    [InlineData("procedures.txt", "whatever", "unknown file type")]
    public async Task ABadImportFile_ExitsWithTwo_AndSendsNothing(string name, string content, string message)
    {
        var run = await Run("import", "procedures", File(name, content));
        Assert.Equal(ExitCodes.Usage, run.Code);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(_silo.Procedures);
        Assert.DoesNotContain("/api/v1/procedures", _silo.Queries.Keys);
    }

    [Fact]
    public async Task Replay_CountsOutcomesByCode_AndExitsOneWhenSomeAreRejected()
    {
        var path = File(
            "events.csv",
            "eventId,dossierId,type,at,unitId,procedureCode,officerId,dueAt,newDueAt\n" +
            "e1,D1,received,2026-01-05T08:30:00+07:00,C1,1.001,O1,,\n" +
            "e2,D2,received,2026-01-05T09:00:00,C1,1.001,,2026-01-09T17:00:00+07:00,\n" +
            "e3,D1,processed,2026-01-06T10:00:00+07:00,,,,,\n" +
            "e4,D3,teleported,2026-01-06T10:00:00+07:00,,,,,\n" +
            "e5,D4,received,2026-01-06T10:00:00+07:00,nowhere,1.001,,,\n" +
            "e6,D5,received,,C1,1.001,,,\n" +
            "e7,D5,received,someday,C1,1.001,,,\n");

        var run = await Run("replay", path, "--batch", "2");

        Assert.Equal(ExitCodes.NotAccepted, run.Code);
        Assert.Contains("rejected: unknown_type", run.Out, StringComparison.Ordinal);
        Assert.Contains("rejected: unknown_unit", run.Out, StringComparison.Ordinal);
        Assert.Contains("line 7", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 8", run.Error, StringComparison.Ordinal);
        Assert.Equal(["e1", "e2", "e3"], _silo.Effects.Keys.Order(StringComparer.Ordinal));
        Assert.All(_silo.Batches, size => Assert.InRange(size, 1, 2));
        Assert.Contains("\"at\":\"2026-01-05T09:00:00+07:00\"", string.Join(' ', _silo.EventBodies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayingTheSameFileTwice_IsAllDuplicates_AndExitsZero()
    {
        var lines = Enumerable.Range(0, 25).Select(i =>
            JsonSerializer.Serialize(new DossierEvent($"ev{i}", $"D{i}", EventTypes.Received, At, UnitId: "C1", ProcedureCode: "1.001"), SlaGridJson.Options));
        var path = File("events.jsonl", string.Join('\n', lines) + "\n\n");

        var first = await Run("--json", "replay", path);
        var second = await Run("--json", "replay", path);

        Assert.Equal(ExitCodes.Ok, first.Code);
        Assert.Equal(ExitCodes.Ok, second.Code);
        using var a = JsonDocument.Parse(first.Out);
        using var b = JsonDocument.Parse(second.Out);
        Assert.Equal(25, a.RootElement.GetProperty("accepted").GetInt32());
        Assert.Equal(0, b.RootElement.GetProperty("accepted").GetInt32());
        Assert.Equal(25, b.RootElement.GetProperty("duplicate").GetInt32());
        Assert.Equal(25, _silo.Effects.Count);
        Assert.All(_silo.Effects.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task ReplayJson_ReportsRejectedAndInvalidRecords()
    {
        var path = File("events.jsonl", """
            {"eventId":"a","dossierId":"D1","type":"received","at":"2026-01-05T08:30:00+07:00","unitId":"C1","procedureCode":"p"}
            {"eventId":"b","dossierId":"D1","type":"bogus","at":"2026-01-05T08:30:00+07:00"}
            {"eventId":"c","dossierId":"D1","type":"processed"}
            not json
            """);
        var run = await Run("--json", "replay", path);

        Assert.Equal(ExitCodes.NotAccepted, run.Code);
        using var summary = JsonDocument.Parse(run.Out);
        Assert.Equal(1, summary.RootElement.GetProperty("accepted").GetInt32());
        Assert.Equal(1, summary.RootElement.GetProperty("rejected").GetProperty("unknown_type").GetInt32());
        Assert.Equal(2, summary.RootElement.GetProperty("invalid").GetInt32());
        Assert.Equal(4, summary.RootElement.GetProperty("records").GetInt32());
    }

    [Fact]
    public async Task Dossier_ShowsIt_OrExitsOneWhenNotFound()
    {
        _silo.Dossiers["D1"] = new Dossier("D1", "C1", "O1", "1.001", "received", At, At.AddDays(2), At.AddDays(2), false, true, false, false, false, 0, null, null);

        var table = await Run("dossier", "D1");
        Assert.Equal(ExitCodes.Ok, table.Code);
        Assert.Contains("2026-01-07T08:30:00+07:00", table.Out, StringComparison.Ordinal);

        var json = await Run("--json", "dossier", "D1");
        Assert.Equal(JsonSerializer.Serialize(_silo.Dossiers["D1"], SlaGridJson.Options), json.Out.Trim());

        var missing = await Run("dossier", "D404");
        Assert.Equal(ExitCodes.NotAccepted, missing.Code);
        Assert.Equal(string.Empty, missing.Out);
    }

    [Fact]
    public async Task Stats_PassDates_AndPrintJsonForScripts()
    {
        var run = await Run("stats", "unit", "P01", "--from", "2026-01-01", "--to", "2026-01-31", "--json");
        Assert.Equal(ExitCodes.Ok, run.Code);
        var stats = JsonSerializer.Deserialize<UnitStats>(run.Out, SlaGridJson.Options)!;
        Assert.Equal("P01", stats.UnitId);
        Assert.Equal("?from=2026-01-01&to=2026-01-31", _silo.Queries["/api/v1/units/P01/stats"]);

        var officer = await Run("stats", "officer", "O1");
        Assert.Equal(ExitCodes.Ok, officer.Code);
        Assert.Contains("90.00 %", officer.Out, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.NotAccepted, (await Run("stats", "unit", "missing")).Code);
    }

    [Fact]
    public async Task Alerts_AreListed_AndAcknowledged()
    {
        _silo.Alerts.Add(new Alert("A1", AlertKinds.Overdue, "D1", "C1", null, ["L1"], At, At, AlertStates.Open, "overdue:D1"));
        var list = await Run("alerts", "--unit", "C1", "--state", "open", "--kind", "overdue");
        Assert.Equal(ExitCodes.Ok, list.Code);
        Assert.Contains("overdue", list.Out, StringComparison.Ordinal);
        Assert.Contains("1 alert(s).", list.Out, StringComparison.Ordinal);

        var ack = await Run("ack", "A1");
        Assert.Equal(ExitCodes.Ok, ack.Code);
        Assert.Equal(AlertStates.Acknowledged, _silo.Alerts.Single().State);
        Assert.Equal(ExitCodes.NotAccepted, (await Run("ack", "A404")).Code);
    }

    [Fact]
    public async Task Keys_CreatePrintsTheKeyOnce_ListAndRevokeNever()
    {
        var created = await Run("keys", "create", "--role", "read", "--name", "dashboard", "--unit", "P01");
        Assert.Equal(ExitCodes.Ok, created.Code);
        var keyLine = created.Out.Split('\n').Single(l => l.StartsWith("key: ", StringComparison.Ordinal));
        var secret = keyLine["key: ".Length..].Trim();
        Assert.StartsWith("sg_", secret, StringComparison.Ordinal);

        var list = await Run("keys", "list");
        Assert.Equal(ExitCodes.Ok, list.Code);
        Assert.Contains("dashboard", list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list.Out, StringComparison.Ordinal);

        var listJson = await Run("--json", "keys", "list");
        Assert.DoesNotContain(secret, listJson.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\"key\"", listJson.Out, StringComparison.Ordinal);

        var revoke = await Run("keys", "revoke", "k1");
        Assert.Equal(ExitCodes.Ok, revoke.Code);
        Assert.DoesNotContain(secret, revoke.Out + revoke.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotAccepted, (await Run("keys", "revoke", "k99")).Code);
    }

    [Fact]
    public async Task AWrongKey_ExitsThree_AndIsNeverPrinted()
    {
        const string Secret = "totally-secret-wrong-key";
        var run = await Run(Secret, ["alerts"]);
        Assert.Equal(ExitCodes.ServerRefused, run.Code);
        Assert.Contains("unauthorized", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.Out + run.Error, StringComparison.Ordinal);

        var viaOption = await Run(null, ["--key", Secret, "dossier", "D1"]);
        Assert.Equal(ExitCodes.ServerRefused, viaOption.Code);
        Assert.DoesNotContain(Secret, viaOption.Out + viaOption.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500, ExitCodes.Unreachable)]
    [InlineData(503, ExitCodes.Unreachable)]
    [InlineData(429, ExitCodes.ServerRefused)]
    [InlineData(403, ExitCodes.ServerRefused)]
    public async Task ServerAnswers_MapToExitCodes(int status, int expected)
    {
        _silo.ForcedStatus = status;
        Assert.Equal(expected, (await Run("alerts")).Code);
    }

    [Fact]
    public async Task AnUnreachableSilo_ExitsFour()
    {
        var run = await Run("--url", "http://127.0.0.1:1", "alerts");
        Assert.Equal(ExitCodes.Unreachable, run.Code);
        Assert.Contains("cannot reach http://127.0.0.1:1/", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_PrintsOneJsonLinePerEvent_UpToTheLimit()
    {
        await _silo.LiveChunks.Writer.WriteAsync(
            "event: stats\ndata: " + JsonSerializer.Serialize(new UnitStats("P01", 3, 3, 1, 0, 0, 0, 0, 0, 0.66, 0.33, true), SlaGridJson.Options) + "\n\n" +
            ": keepalive\n\n" +
            "event: alert\nid: 12\ndata: " + JsonSerializer.Serialize(new AlertEvent(AlertEventTypes.Raised, new Alert("A1", AlertKinds.Overdue, "D1", "C1", null, [], At, At, AlertStates.Open, "overdue:D1")), SlaGridJson.Options) + "\n\n");

        var run = await Run("watch", "P01", "--json", "--limit", "2");

        Assert.Equal(ExitCodes.Ok, run.Code);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var stats = JsonDocument.Parse(lines[0]);
        Assert.Equal("stats", stats.RootElement.GetProperty("type").GetString());
        Assert.Equal(3, stats.RootElement.GetProperty("stats").GetProperty("open").GetInt32());
        using var alert = JsonDocument.Parse(lines[1]);
        Assert.Equal("12", alert.RootElement.GetProperty("id").GetString());
        Assert.Equal("overdue:D1", alert.RootElement.GetProperty("alert").GetProperty("dedupKey").GetString());
    }

    [Fact]
    public async Task Watch_EndsWithZero_WhenInterrupted()
    {
        using var cts = new CancellationTokenSource();
        await _silo.LiveChunks.Writer.WriteAsync("event: stats\ndata: " + JsonSerializer.Serialize(new UnitStats("P01", 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, false), SlaGridJson.Options) + "\n\n");
        var running = Run(FakeSilo.AdminKey, ["watch", "P01"], cancellationToken: cts.Token);
        await Wait.UntilAsync(() => !_silo.LiveLastEventIds.IsEmpty, "the watch connected");
        await cts.CancelAsync();

        var run = await running.WaitAsync(Wait.Timeout);
        Assert.Equal(ExitCodes.Ok, run.Code);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task OnATerminal_ReplayShowsProgress_AndWatchDrawsTheLiveView()
    {
        var path = File("events.jsonl", string.Join('\n', Enumerable.Range(0, 5).Select(i =>
            JsonSerializer.Serialize(new DossierEvent($"t{i}", $"D{i}", EventTypes.Received, At, UnitId: "C1", ProcedureCode: "p"), SlaGridJson.Options))));
        var replay = await Run(FakeSilo.AdminKey, ["replay", path], terminal: true);
        Assert.Equal(ExitCodes.Ok, replay.Code);
        Assert.Contains("replay", replay.Out, StringComparison.Ordinal);
        Assert.Contains("accepted", replay.Out, StringComparison.Ordinal);

        await _silo.LiveChunks.Writer.WriteAsync(
            "event: stats\ndata: " + JsonSerializer.Serialize(new UnitStats("P01", 5, 5, 2, 1, 0, 0, 0, 0, 0.6, 0.4, true), SlaGridJson.Options) + "\n\n" +
            "event: alert\nid: 3\ndata: " + JsonSerializer.Serialize(new AlertEvent(AlertEventTypes.Raised, new Alert("A9", AlertKinds.Escalated, "D1", "C1", null, [], At, At, AlertStates.Open, "escalated:D1")), SlaGridJson.Options) + "\n\n");
        var watch = await Run(FakeSilo.AdminKey, ["watch", "P01", "--limit", "2"], terminal: true);
        Assert.Equal(ExitCodes.Ok, watch.Code);
        Assert.Contains("escalated", watch.Out, StringComparison.Ordinal);
        Assert.Contains("latest alerts", watch.Out, StringComparison.Ordinal);
    }
}
