using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Products.Emulator.Auth;

/// <summary>
/// An external issuer's keys, found the way the JWT authorizer finds them: the OpenID Connect discovery document at
/// <c>&lt;issuer&gt;/.well-known/openid-configuration</c> names the <c>jwks_uri</c>, whose RSA keys are used. Keys are
/// kept for <see cref="CacheFor"/>; a token naming a kid they lack triggers one refetch, at most every
/// <see cref="RefetchAfter"/> (key rotation without a restart, without letting bad tokens hammer the issuer).
/// </summary>
internal sealed class OidcDiscoveryKeySource(Uri issuer, HttpClient http, TimeProvider time) : ISigningKeySource, IDisposable
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromHours(2);
    public static readonly TimeSpan RefetchAfter = TimeSpan.FromMinutes(1);

    private const int MaxDocumentBytes = 1024 * 1024;

    private readonly SemaphoreSlim _fetching = new(1, 1);
    private IReadOnlyList<JsonWebKey>? _keys;
    private DateTimeOffset _fetchedAt;

    public async ValueTask<IReadOnlyList<JsonWebKey>> GetKeysAsync(string? unknownKid, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_keys is { } cached && now - _fetchedAt < (unknownKid is null ? CacheFor : RefetchAfter))
        {
            return cached;
        }

        await _fetching.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_keys is { } fetched && time.GetUtcNow() - _fetchedAt < (unknownKid is null ? CacheFor : RefetchAfter))
            {
                return fetched;
            }

            _keys = await FetchAsync(cancellationToken).ConfigureAwait(false);
            _fetchedAt = time.GetUtcNow();
            return _keys;
        }
        finally
        {
            _fetching.Release();
        }
    }

    public void Dispose() => _fetching.Dispose();

    private async Task<IReadOnlyList<JsonWebKey>> FetchAsync(CancellationToken cancellationToken)
    {
        var discovery = new Uri(issuer.ToString().TrimEnd('/') + "/.well-known/openid-configuration");
        Uri? jwks;
        try
        {
            using var document = JsonDocument.Parse(await GetAsync(discovery, cancellationToken).ConfigureAwait(false));
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("jwks_uri", out var jwksUri)
                || jwksUri.ValueKind != JsonValueKind.String
                || !Uri.TryCreate(jwksUri.GetString(), UriKind.Absolute, out jwks))
            {
                throw new SigningKeysUnavailableException($"{discovery} has no jwks_uri");
            }
        }
        catch (JsonException e)
        {
            throw new SigningKeysUnavailableException($"{discovery} is not JSON", e);
        }

        try
        {
            var set = new JsonWebKeySet(System.Text.Encoding.UTF8.GetString(await GetAsync(jwks, cancellationToken).ConfigureAwait(false)));
            return [.. set.Keys.Where(static key => key.Kty == JsonWebAlgorithmsKeyTypes.RSA && !string.IsNullOrEmpty(key.Kid))];
        }
        catch (ArgumentException e)
        {
            throw new SigningKeysUnavailableException($"{jwks} is not a JWKS", e);
        }
    }

    private async Task<byte[]> GetAsync(Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new SigningKeysUnavailableException($"{uri} answered {(int)response.StatusCode}");
            }

            if (response.Content.Headers.ContentLength > MaxDocumentBytes)
            {
                throw new SigningKeysUnavailableException($"{uri} is larger than {MaxDocumentBytes} bytes");
            }

            return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new SigningKeysUnavailableException($"{uri} is unreachable", e);
        }
    }
}
