using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SlaGrid.IntegrationTests.Api;

/// <summary>The seeded silo with its warnings kept in <see cref="Warnings"/>.</summary>
public sealed class LoggedSilo : ApiSilo
{
    /// <summary>Every warning and error the silo logged.</summary>
    public WarningLog Warnings { get; } = new();

    /// <inheritdoc />
    protected override Action<IServiceCollection>? Services => services => services.AddSingleton<ILoggerProvider>(Warnings);
}
