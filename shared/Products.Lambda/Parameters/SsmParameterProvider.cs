using System.Text.Json.Serialization.Metadata;
using Amazon.SimpleSystemsManagement;
using Products.Lambda.Parameters.Internal;
using Products.Lambda.Parameters.Internal.Cache;
using Products.Lambda.Parameters.Internal.Transform;

namespace Products.Lambda.Parameters;

/// <summary>
/// Reads SSM Parameter Store parameters and Secrets Manager secrets (through Parameter Store references) with a
/// Powertools-style cache: values are kept in memory for a max age (<see cref="ParameterProviderOptions.DefaultMaxAge"/>,
/// 5 s unless configured), and concurrent readers of one key share a single request. Create one per process, outside
/// the handler.
/// </summary>
/// <remarks>Errors are <see cref="ParameterProviderException"/>s that name the parameter but never contain its value.</remarks>
public sealed class SsmParameterProvider
{
    private readonly ParameterProviderOptions _options;
    private readonly SsmParameterReader _reader;
    private readonly CacheManager<ParameterCacheKey, string> _values;

    /// <summary>Creates a provider over an SSM client (see <see cref="SsmClientFactory"/>).</summary>
    public SsmParameterProvider(IAmazonSimpleSystemsManagement client, ParameterProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _reader = new SsmParameterReader(client);
        _values = new(options.TimeProvider);
    }

    /// <summary>The parameter's value as stored (a SecureString is not decrypted).</summary>
    /// <exception cref="ParameterNotFoundException">No such parameter.</exception>
    /// <exception cref="ParameterProviderException">SSM could not be read.</exception>
    public Task<string> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return GetRawAsync(name, decrypt: false, cancellationToken);
    }

    /// <summary>The parameter's JSON value deserialized with source-generated metadata (AOT-safe).</summary>
    /// <exception cref="ParameterTransformException">The value is not JSON of that shape, or is JSON null.</exception>
    public async Task<T> GetJsonAsync<T>(string name, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(typeInfo);
        var value = await GetRawAsync(name, decrypt: false, cancellationToken).ConfigureAwait(false);
        return ParameterTransformer.FromJson(name, value, typeInfo);
    }

    /// <summary>
    /// A Secrets Manager secret's string through Parameter Store ("/aws/reference/secretsmanager/{id}[:stage]",
    /// always decrypted). <paramref name="versionStage"/> is e.g. AWSPREVIOUS; null means AWSCURRENT.
    /// </summary>
    /// <exception cref="ParameterNotFoundException">No such secret or stage.</exception>
    public Task<string> GetSecretAsync(string secretId, string? versionStage = null, CancellationToken cancellationToken = default)
    {
        var name = SecretsManagerReference.ParameterName(secretId, versionStage);
        return GetRawAsync(name, decrypt: true, cancellationToken);
    }

    private Task<string> GetRawAsync(string name, bool decrypt, CancellationToken cancellationToken) =>
        _values.GetOrFetchAsync(
            new ParameterCacheKey(name, decrypt),
            _options.DefaultMaxAge,
            key => _reader.GetAsync(key.Name, key.Decrypt),
            cancellationToken);
}
