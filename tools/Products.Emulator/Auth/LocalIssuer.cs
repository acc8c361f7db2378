using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Products.Emulator.Auth;

/// <summary>
/// The local stage's token issuer: one RSA key, created once under the git-ignored data folder
/// (<c>.products-local/issuer/signing-key.json</c>, readable by its owner only) so tokens survive restarts, and the
/// tokens the <c>token</c> command mints with it. Its <c>iss</c> is the fixed <see cref="Issuer"/>, not a URL of the
/// running emulator: a token minted before the API starts, or for another port, stays valid. The emulator serves the
/// matching discovery document and JWKS under <c>/_local/issuer/</c> and verifies its tokens with this key directly.
/// </summary>
public sealed class LocalIssuer : ISigningKeySource
{
    /// <summary>The <c>iss</c> of every local token: fixed, and under <c>.invalid</c> (RFC 2606) so it never resolves.</summary>
    public const string Issuer = "https://products-local.invalid/issuer";

    /// <summary>The <c>aud</c> of every local token, and the audience the local authorizer requires.</summary>
    public const string Audience = "products-local";

    /// <summary>Who a token is for when the command is not told.</summary>
    public const string DefaultSubject = "local-developer";

    private readonly RsaSecurityKey _signingKey;
    private readonly IReadOnlyList<JsonWebKey> _publicKeys;
    private readonly TimeProvider _time;

    private LocalIssuer(RSAParameters parameters, TimeProvider time)
    {
        var rsa = RSA.Create();
        rsa.ImportParameters(parameters);
        var publicJwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(
            new RsaSecurityKey(new RSAParameters { Modulus = parameters.Modulus, Exponent = parameters.Exponent }));
        KeyId = Base64UrlEncoder.Encode(publicJwk.ComputeJwkThumbprint());
        publicJwk.KeyId = KeyId;
        _signingKey = new RsaSecurityKey(rsa) { KeyId = KeyId };
        _publicKeys = [publicJwk];
        _time = time;
    }

    /// <summary>The key's id: its RFC 7638 thumbprint, in every token's header and in the JWKS.</summary>
    public string KeyId { get; }

    /// <summary>The public half of the key, as the JWKS publishes it.</summary>
    public JsonWebKey PublicKey => _publicKeys[0];

    /// <summary>Where the key of a repository checkout lives.</summary>
    public static string KeyPath(string repositoryRoot) =>
        Path.Combine(repositoryRoot, ".products-local", "issuer", "signing-key.json");

    /// <summary>Loads the key at <paramref name="keyPath"/>, creating it first when there is none.</summary>
    public static LocalIssuer LoadOrCreate(string keyPath, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyPath);
        if (!File.Exists(keyPath))
        {
            Create(keyPath);
        }

        return new LocalIssuer(Read(keyPath), time);
    }

    /// <summary>An issuer with a fresh key held in memory only (tests, and a stand-in "foreign" issuer).</summary>
    public static LocalIssuer Ephemeral(TimeProvider time)
    {
        using var rsa = RSA.Create(2048);
        return new LocalIssuer(rsa.ExportParameters(includePrivateParameters: true), time);
    }

    public ValueTask<IReadOnlyList<JsonWebKey>> GetKeysAsync(string? unknownKid, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_publicKeys);

    /// <summary>A compact RS256 access token: iss, aud, sub, scope (when any), iat, nbf, exp and a fresh jti.</summary>
    public string Mint(string subject, IReadOnlyList<string> scopes, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentNullException.ThrowIfNull(scopes);
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["sub"] = subject,
            ["token_use"] = "access",
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + (long)lifetime.TotalSeconds,
            ["jti"] = Guid.NewGuid().ToString(),
        };
        var scope = string.Join(' ', scopes.Where(static s => s.Length > 0));
        if (scope.Length > 0)
        {
            claims["scope"] = scope;
        }

        return Sign(claims);
    }

    /// <summary>Signs exactly these claims (no defaults added) with the issuer's key and kid, RS256.</summary>
    public string Sign(IDictionary<string, object> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(_signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The JWKS: the public key only, <c>{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid",…,"n","e"}]}</c>.</summary>
    public byte[] JwksJson()
    {
        var key = _publicKeys[0];
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("keys");
            json.WriteStartObject();
            json.WriteString("kty", "RSA");
            json.WriteString("use", "sig");
            json.WriteString("alg", SecurityAlgorithms.RsaSha256);
            json.WriteString("kid", KeyId);
            json.WriteString("n", key.N);
            json.WriteString("e", key.E);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The OpenID Connect discovery document, naming the JWKS and the token endpoint under <paramref name="baseAddress"/>.</summary>
    public static byte[] DiscoveryJson(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("issuer", Issuer);
            json.WriteString("jwks_uri", new Uri(baseAddress, IssuerPaths.Jwks).ToString());
            json.WriteString("token_endpoint", new Uri(baseAddress, IssuerPaths.Token).ToString());
            json.WriteStartArray("grant_types_supported");
            json.WriteStringValue("client_credentials");
            json.WriteEndArray();
            json.WriteStartArray("token_endpoint_auth_methods_supported");
            json.WriteStringValue("none");
            json.WriteEndArray();
            json.WriteStartArray("response_types_supported");
            json.WriteStringValue("token");
            json.WriteEndArray();
            json.WriteStartArray("subject_types_supported");
            json.WriteStringValue("public");
            json.WriteEndArray();
            json.WriteStartArray("id_token_signing_alg_values_supported");
            json.WriteStringValue(SecurityAlgorithms.RsaSha256);
            json.WriteEndArray();
            json.WriteStartArray("scopes_supported");
            json.WriteStringValue("products/write");
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    // Written to a temporary file and moved into place without overwriting: two processes starting at once (the API and
    // the token command) end up with the same key.
    private static void Create(string keyPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(keyPath)!);
        using var rsa = RSA.Create(2048);
        var parameters = rsa.ExportParameters(includePrivateParameters: true);
        var temporary = keyPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(temporary, options))
            using (var json = new Utf8JsonWriter(file))
            {
                json.WriteStartObject();
                json.WriteString("kty", "RSA");
                Write(json, "n", parameters.Modulus);
                Write(json, "e", parameters.Exponent);
                Write(json, "d", parameters.D);
                Write(json, "p", parameters.P);
                Write(json, "q", parameters.Q);
                Write(json, "dp", parameters.DP);
                Write(json, "dq", parameters.DQ);
                Write(json, "qi", parameters.InverseQ);
                json.WriteEndObject();
            }

            File.Move(temporary, keyPath, overwrite: false);
        }
        catch (IOException) when (File.Exists(keyPath))
        {
            // Another process created it first: use that one.
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void Write(Utf8JsonWriter json, string name, byte[]? value) =>
        json.WriteString(name, Base64UrlEncoder.Encode(value ?? throw new InvalidOperationException("RSA key without " + name)));

    private static RSAParameters Read(string keyPath)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(keyPath));
            var key = document.RootElement;
            return new RSAParameters
            {
                Modulus = Field(key, "n"),
                Exponent = Field(key, "e"),
                D = Field(key, "d"),
                P = Field(key, "p"),
                Q = Field(key, "q"),
                DP = Field(key, "dp"),
                DQ = Field(key, "dq"),
                InverseQ = Field(key, "qi"),
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"The local issuer key '{keyPath}' is unreadable; delete it to create a new one (tokens minted with it stop working).", e);
        }
    }

    private static byte[] Field(JsonElement key, string name) =>
        Base64UrlEncoder.DecodeBytes(key.GetProperty(name).GetString() ?? throw new InvalidOperationException(name));
}
