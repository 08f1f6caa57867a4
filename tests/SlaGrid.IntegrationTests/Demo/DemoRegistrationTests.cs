using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SlaGrid.Runtime.Hosting;
using SlaGrid.Silo.Demo;
using SlaGrid.Silo.Hosting;
using SlaGrid.Silo.Security;

namespace SlaGrid.IntegrationTests.Demo;

/// <summary>What <c>AddSlaGridDemo</c> registers, with the demo on and off, and how bad settings are refused.</summary>
public sealed class DemoRegistrationTests
{
    [Fact]
    public void Enabled_TheScaledClockWins_OverTheGridsSystemClock()
    {
        using var provider = Build(new() { ["Demo:Enabled"] = "true", ["Demo:Speed"] = "250" });
        var time = Assert.IsType<ScaledTimeProvider>(provider.GetRequiredService<TimeProvider>());
        Assert.Equal(250, time.Speed);
        Assert.Single(provider.GetServices<TimeProvider>());
    }

    [Fact]
    public void Disabled_TheGridKeepsTheSystemClock_AndNoKeyIsGenerated()
    {
        using var provider = Build(new() { ["Demo:Speed"] = "250" });
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Null(provider.GetService<DemoSession>());
        Assert.Null(provider.GetRequiredService<IOptions<SecurityOptions>>().Value.AdminKey);
    }

    [Fact]
    public void Enabled_RuntimeSafetyTimeouts_KeepTheirRealLength()
    {
        using var provider = Build(new() { ["Demo:Enabled"] = "true", ["Demo:Speed"] = "600" });
        var runtime = provider.GetRequiredService<IOptions<GrainRuntimeOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(30 * 600), runtime.ResponseTimeout);
        Assert.True(runtime.CollectionScanInterval >= TimeSpan.FromSeconds(600));
    }

    [Fact]
    public void Enabled_AConfiguredAdminKey_IsKept()
    {
        using var provider = Build(new() { ["Demo:Enabled"] = "true", ["SLAGRID_ADMIN_KEY"] = "configured-key-0123456789" });
        Assert.Equal("configured-key-0123456789", provider.GetRequiredService<IOptions<SecurityOptions>>().Value.AdminKey);
    }

    [Theory]
    [InlineData("Demo:Speed", "0")]
    [InlineData("Demo:Speed", "10001")]
    [InlineData("Demo:Communes", "0")]
    [InlineData("Demo:DossiersPerMinute", "0")]
    [InlineData("Demo:HistoryWorkingDays", "31")]
    public void BadSettings_AreRefusedWithAClearError(string key, string value)
    {
        using var provider = Build(new() { ["Demo:Enabled"] = "true", [key] = value });
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DemoOptions>>().Value);
        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging();
        services.AddSlaGridDemo(config);
        services.AddSlaGridGrid(config);
        services.AddSlaGridSecurity(config);
        return services.BuildServiceProvider();
    }
}
