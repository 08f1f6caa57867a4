using System.Text.Json;

namespace SlaGrid.Testing.Prometheus;

/// <summary>
/// The answer to an instant query: its result type (<c>vector</c>, <c>matrix</c>, <c>scalar</c>, <c>string</c>),
/// how many samples or series it holds, the samples of a vector or scalar, and the raw JSON.
/// </summary>
public sealed record PromQueryResult(string ResultType, int SampleCount, IReadOnlyList<PromSample> Samples, JsonElement Result);
