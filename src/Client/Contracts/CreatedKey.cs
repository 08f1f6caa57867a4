using System.Text;
using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>
/// The answer of <c>POST /api/v1/keys</c> (201): the only time the secret key is shown.
/// Wire: <c>{"id","name","role","unitId","createdAt","key"}</c>. <see cref="object.ToString"/> hides the key.
/// </summary>
/// <param name="Id">Public id of the key.</param>
/// <param name="Name">What it is for.</param>
/// <param name="Role">One of <see cref="Roles"/>.</param>
/// <param name="UnitId">The unit scope; null: everything.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="Key">The secret, to send as <c>Authorization: Bearer &lt;key&gt;</c>; the silo keeps only its hash.</param>
public sealed record CreatedKey(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("unitId"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? UnitId,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("key")] string Key)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", Name = ").Append(Name).Append(", Role = ").Append(Role)
            .Append(", UnitId = ").Append(UnitId).Append(", CreatedAt = ").Append(CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
            .Append(", Key = ***");
        return true;
    }
}
