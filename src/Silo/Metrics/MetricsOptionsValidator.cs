using System.Net;
using Microsoft.Extensions.Options;

namespace SlaGrid.Silo.Metrics;

/// <summary>Rejects <see cref="MetricsOptions"/> that cannot work, with a message that names the setting.</summary>
public sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.MeterPrefix))
        {
            failures.Add("Metrics:MeterPrefix must not be empty.");
        }

        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"Metrics:Port must be between 0 and 65535 (got {options.Port}).");
        }

        if (options.Port is not null && !TryParseHost(options.Host, out _))
        {
            failures.Add($"Metrics:Host must be an IP address, 'localhost' or '*' (got '{options.Host}').");
        }

        if (string.IsNullOrEmpty(options.Path) || options.Path[0] != '/')
        {
            failures.Add($"Metrics:Path must start with '/' (got '{options.Path}').");
        }

        if (options.MaxSeriesPerMetric < 1)
        {
            failures.Add($"Metrics:MaxSeriesPerMetric must be at least 1 (got {options.MaxSeriesPerMetric}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Parses <see cref="MetricsOptions.Host"/>: an IP address, <c>localhost</c>, or <c>*</c>/<c>+</c> for any.</summary>
    internal static bool TryParseHost(string? host, out IPAddress address)
    {
        switch (host)
        {
            case "*" or "+" or "0.0.0.0":
                address = IPAddress.Any;
                return true;
            case "localhost":
                address = IPAddress.Loopback;
                return true;
            default:
                if (IPAddress.TryParse(host, out var parsed))
                {
                    address = parsed;
                    return true;
                }

                address = IPAddress.None;
                return false;
        }
    }
}
