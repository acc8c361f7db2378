using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Products.Emulator.Auth;

/// <summary>
/// The HTTP API JWT authorizer, step by step as "Controlling access to HTTP APIs with JWT authorizers" (Amazon API
/// Gateway Developer Guide) describes it: take the token from the identity source (a <c>Bearer </c> prefix is
/// stripped); decode it; check its algorithm and signature with the issuer's public key whose <c>kid</c> it names (RSA
/// algorithms only); check <c>exp</c> (after now), <c>nbf</c> and <c>iat</c> (before now), <c>iss</c> (the configured
/// issuer) and <c>aud</c> — or <c>client_id</c> only when there is no <c>aud</c> — (one of the configured audiences);
/// then, when the route requires scopes, that <c>scope</c> or <c>scp</c> holds at least one of them. Token parsing and
/// signature checks are Microsoft.IdentityModel's; which checks apply, in which order, and what is answered is ours.
/// No clock skew is allowed: the guide states the time checks without one.
/// </summary>
internal sealed class JwtAuthorizer
{
    private const string BearerPrefix = "Bearer ";

    // "Currently, only RSA-based algorithms are supported": alg none and HMAC (algorithm confusion) never validate.
    private static readonly string[] RsaAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
    ];

    private readonly JsonWebTokenHandler _handler = new();
    private readonly ISigningKeySource _keys;
    private readonly TimeProvider _time;

    public JwtAuthorizer(JwtAuthorizerSettings settings, ISigningKeySource keys, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(time);
        Settings = settings;
        _keys = keys;
        _time = time;
    }

    public JwtAuthorizerSettings Settings { get; }

    /// <param name="identity">The identity source's value: every value of the header, joined with commas (HTTP API
    /// joins repeated headers that way), or null when the request has none.</param>
    /// <param name="routeScopes">The route's authorization scopes; empty when it requires none.</param>
    public async Task<AuthorizationResult> AuthorizeAsync(
        string? identity, IReadOnlyList<string> routeScopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(routeScopes);
        if (string.IsNullOrWhiteSpace(identity))
        {
            return new AuthorizationResult.Unauthorized("no-token");
        }

        var token = identity.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? identity[BearerPrefix.Length..].Trim()
            : identity.Trim();
        if (token.Length == 0 || !_handler.CanReadToken(token))
        {
            return new AuthorizationResult.Unauthorized("not-a-jwt");
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException)
        {
            return new AuthorizationResult.Unauthorized("not-a-jwt");
        }

        if (string.IsNullOrEmpty(jwt.Kid))
        {
            return new AuthorizationResult.Unauthorized("no-kid");
        }

        JsonWebKey? key;
        try
        {
            key = Find(await _keys.GetKeysAsync(null, cancellationToken).ConfigureAwait(false), jwt.Kid)
                  ?? Find(await _keys.GetKeysAsync(jwt.Kid, cancellationToken).ConfigureAwait(false), jwt.Kid);
        }
        catch (SigningKeysUnavailableException e)
        {
            return new AuthorizationResult.Unauthorized("issuer-keys-unavailable(" + e.Message.Replace(' ', '_') + ")");
        }

        if (key is null)
        {
            return new AuthorizationResult.Unauthorized("unknown-kid");
        }

        var validation = await _handler.ValidateTokenAsync(jwt, Parameters(key)).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return new AuthorizationResult.Unauthorized(validation.Exception?.GetType().Name ?? "invalid-token");
        }

        using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(jwt.EncodedPayload));
        var claims = payload.RootElement;
        if (claims.ValueKind != JsonValueKind.Object)
        {
            return new AuthorizationResult.Unauthorized("payload-not-an-object");
        }

        if (CheckTimes(claims) is { } timeProblem)
        {
            return new AuthorizationResult.Unauthorized(timeProblem);
        }

        if (!AudienceMatches(claims))
        {
            return new AuthorizationResult.Unauthorized("audience");
        }

        var tokenScopes = TokenScopes.From(claims);
        if (routeScopes.Count > 0 && !tokenScopes.Any(routeScopes.Contains))
        {
            return new AuthorizationResult.Forbidden("missing-scope");
        }

        return new AuthorizationResult.Allowed(ClaimText.FromPayload(claims), routeScopes.Count > 0 ? tokenScopes : null);
    }

    private TokenValidationParameters Parameters(JsonWebKey key) => new()
    {
        IssuerSigningKey = key,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = RsaAlgorithms,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = false,
        ValidIssuer = Settings.Issuer,
        ValidateIssuer = true,

        // Checked by CheckTimes and AudienceMatches with API Gateway's rules (aud, else client_id; no skew).
        ValidateAudience = false,
        ValidateLifetime = false,
        RequireExpirationTime = false,
        RequireAudience = false,
    };

    private static JsonWebKey? Find(IReadOnlyList<JsonWebKey> keys, string kid) =>
        keys.FirstOrDefault(key => string.Equals(key.Kid, kid, StringComparison.Ordinal)
                                   && string.Equals(key.Kty, JsonWebAlgorithmsKeyTypes.RSA, StringComparison.Ordinal));

    // exp must be after the current time; nbf and iat, when present, before it.
    private string? CheckTimes(JsonElement claims)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        if (!TryNumericDate(claims, "exp", out var expires) || expires is null)
        {
            return "no-exp";
        }

        if (expires <= now)
        {
            return "expired";
        }

        if (!TryNumericDate(claims, "nbf", out var notBefore) || notBefore > now)
        {
            return "not-yet-valid";
        }

        if (!TryNumericDate(claims, "iat", out var issuedAt) || issuedAt > now)
        {
            return "issued-in-future";
        }

        return null;
    }

    private static bool TryNumericDate(JsonElement claims, string name, out double? seconds)
    {
        seconds = null;
        if (!claims.TryGetProperty(name, out var value))
        {
            return true;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number))
        {
            seconds = number;
            return true;
        }

        return false;
    }

    private bool AudienceMatches(JsonElement claims)
    {
        if (claims.TryGetProperty("aud", out var audience))
        {
            return audience.ValueKind switch
            {
                JsonValueKind.String => Settings.Audiences.Contains(audience.GetString()!),
                JsonValueKind.Array => audience.EnumerateArray().Any(item =>
                    item.ValueKind == JsonValueKind.String && Settings.Audiences.Contains(item.GetString()!)),
                _ => false,
            };
        }

        return claims.TryGetProperty("client_id", out var clientId)
               && clientId.ValueKind == JsonValueKind.String
               && Settings.Audiences.Contains(clientId.GetString()!);
    }
}
