using System.Diagnostics;
using SlaGrid.Testing;

namespace SlaGrid.Silo.Tests.Hosting;

/// <summary>The README's first command: the silo starts as its own process and answers on its address.</summary>
public sealed class SiloProcessTests
{
    [Fact]
    public async Task Silo_StartsAndAnswersHealthz()
    {
        var port = FreePort.Next();
        var siloDll = Path.Combine(AppContext.BaseDirectory, "SlaGrid.Silo.dll");
        Assert.True(File.Exists(siloDll), $"missing {siloDll}");
        var dataDir = Directory.CreateTempSubdirectory("slagrid-silo-test").FullName;

        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { siloDll, "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = dataDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var body = await Eventually.GetStringAsync(http, "/healthz", TimeSpan.FromSeconds(60));
            Assert.Equal("ok", body);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
