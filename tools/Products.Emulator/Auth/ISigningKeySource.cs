using Microsoft.IdentityModel.Tokens;

namespace Products.Emulator.Auth;

/// <summary>The issuer's public signing keys (its JWKS), as the authorizer looks a token's <c>kid</c> up in them.</summary>
internal interface ISigningKeySource
{
    /// <summary>The current keys; <paramref name="unknownKid"/> names a kid the last answer lacked, which may warrant a refetch.</summary>
    /// <exception cref="SigningKeysUnavailableException">The keys could not be fetched.</exception>
    ValueTask<IReadOnlyList<JsonWebKey>> GetKeysAsync(string? unknownKid, CancellationToken cancellationToken);
}
