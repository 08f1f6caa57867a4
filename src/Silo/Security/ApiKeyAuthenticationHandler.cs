using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SlaGrid.Silo.Api;

namespace SlaGrid.Silo.Security;

/// <summary>Authenticates <c>Authorization: Bearer &lt;key&gt;</c>; answers 401 and 403 as problem+json.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyValidator validator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The claim that carries the key's unit scope.</summary>
    public const string ScopeClaim = "slagrid:scope";

    /// <summary>The claim that carries the key's id.</summary>
    public const string KeyIdClaim = "slagrid:key";

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <key>'.");
        }

        var identity = await validator.ValidateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (identity is null)
        {
            return AuthenticateResult.Fail("The API key is not valid or was revoked.");
        }

        var claims = new List<Claim>
        {
            new(KeyIdClaim, identity.KeyId),
            new(ClaimTypes.Name, identity.KeyId),
            new(ClaimTypes.Role, identity.Role),
        };
        if (identity.UnitScope is not null)
        {
            claims.Add(new Claim(ScopeClaim, identity.UnitScope));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return ApiProblem.Write(Context, ApiProblem.Unauthorized("A valid API key is required: 'Authorization: Bearer <key>'."));
    }

    /// <inheritdoc />
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblem.Write(Context, ApiProblem.Forbidden("This API key's role does not allow this call."));
}
