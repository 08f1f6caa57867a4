using System.Text.Json;
using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>
/// Source-generated JSON metadata for every contract type (and the lists the API sends), with the settings of
/// <see cref="SlaGridJson.Options"/>. A host can put <c>SlaGridJsonContext.Default</c> first in its
/// resolver chain, or call <see cref="SlaGridJson.Configure"/>.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(SlaGridDateTimeOffsetConverter)])]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(CalendarUpdate))]
[JsonSerializable(typeof(Unit))]
[JsonSerializable(typeof(IReadOnlyList<Unit>))]
[JsonSerializable(typeof(Officer))]
[JsonSerializable(typeof(IReadOnlyList<Officer>))]
[JsonSerializable(typeof(Procedure))]
[JsonSerializable(typeof(IReadOnlyList<Procedure>))]
[JsonSerializable(typeof(DossierEvent))]
[JsonSerializable(typeof(IReadOnlyList<DossierEvent>))]
[JsonSerializable(typeof(IngestResponse))]
[JsonSerializable(typeof(Dossier))]
[JsonSerializable(typeof(IReadOnlyList<Dossier>))]
[JsonSerializable(typeof(UnitStats))]
[JsonSerializable(typeof(OfficerStats))]
[JsonSerializable(typeof(Alert))]
[JsonSerializable(typeof(IReadOnlyList<Alert>))]
[JsonSerializable(typeof(AlertEvent))]
[JsonSerializable(typeof(Webhook))]
[JsonSerializable(typeof(IReadOnlyList<Webhook>))]
[JsonSerializable(typeof(WebhookInfo))]
[JsonSerializable(typeof(IReadOnlyList<WebhookInfo>))]
[JsonSerializable(typeof(CreateKeyRequest))]
[JsonSerializable(typeof(CreatedKey))]
[JsonSerializable(typeof(KeyInfo))]
[JsonSerializable(typeof(IReadOnlyList<KeyInfo>))]
[JsonSerializable(typeof(Problem))]
public sealed partial class SlaGridJsonContext : JsonSerializerContext;
