
namespace SlaGrid.Silo.Metrics;

/// <summary>The metrics exporter's log messages.</summary>
internal static partial class MetricsLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning,
        Message = "Instrument '{Instrument}' of meter '{Meter}' is not exported: {Reason}.")]
    public static partial void InstrumentSkipped(ILogger logger, string instrument, string meter, string reason);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning,
        Message = "Histogram '{Instrument}' advises invalid bucket boundaries (they must be finite and strictly ascending); the default boundaries are used.")]
    public static partial void InvalidBucketBoundaries(ILogger logger, string instrument);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning,
        Message = "Metric '{Metric}' reached {Limit} series; measurements with new label values are dropped.")]
    public static partial void SeriesLimitReached(ILogger logger, string metric, int limit);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Metric '{Metric}': {Problem}.")]
    public static partial void LabelsAdjusted(ILogger logger, string metric, string problem);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning,
        Message = "An observable instrument's callback failed during a scrape; its series are missing from this scrape.")]
    public static partial void ObservableCallbackFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Information, Message = "Metrics are also served at {Address}.")]
    public static partial void DedicatedPortStarted(ILogger logger, string address);
}
