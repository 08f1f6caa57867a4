using System.Security.Claims;
using SlaGrid.Grains.Reference;
using SlaGrid.Silo.Security;

namespace SlaGrid.Silo.Api;

/// <summary>The authenticated caller of a request: its key id, role and unit scope.</summary>
public sealed record ApiCaller(string KeyId, string Role, string? Scope)
{
    /// <summary>The caller of <paramref name="context"/> (authentication has run).</summary>
    public static ApiCaller From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        return new ApiCaller(
            user.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim) ?? "anonymous",
            user.FindFirstValue(ClaimTypes.Role) ?? string.Empty,
            user.FindFirstValue(ApiKeyAuthenticationHandler.ScopeClaim));
    }

    /// <summary>Whether the key may see or touch <paramref name="unitId"/>.</summary>
    public bool Covers(UnitTree tree, string? unitId)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return Scope is null || (unitId is not null && tree.IsInSubtree(unitId, Scope));
    }

    /// <summary>An <c>out_of_scope</c> error for <paramref name="what"/>.</summary>
    public ApiError OutOfScope(string what) =>
        ApiProblem.OutOfScope($"{what} is outside this key's unit scope ('{Scope}').");
}
