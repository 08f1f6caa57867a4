using System.Text;
using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>
/// A webhook to register: the body items of <c>PUT /api/v1/webhooks</c>. Wire: <c>{"id","url","secret","unitId"}</c>.
/// The secret is input only: answers carry a <see cref="WebhookInfo"/>, and <see cref="object.ToString"/> hides it.
/// </summary>
/// <param name="Id">Stable id.</param>
/// <param name="Url">Where to POST alert events.</param>
/// <param name="Secret">The HMAC-SHA256 key that signs each body.</param>
/// <param name="UnitId">Only alerts about this unit's subtree; null: all units (always written, null included).</param>
public sealed record Webhook(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("secret")] string Secret,
    [property: JsonPropertyName("unitId"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? UnitId = null)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", Url = ").Append(Url).Append(", Secret = ***, UnitId = ").Append(UnitId);
        return true;
    }
}
