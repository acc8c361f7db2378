using System.Text.Json.Serialization.Metadata;
using Amazon.SimpleSystemsManagement;
using Products.Lambda.Parameters.Internal;
using Products.Lambda.Parameters.Internal.Cache;
using Products.Lambda.Parameters.Internal.Transform;

namespace Products.Lambda.Parameters;

/// <summary>
/// Reads SSM Parameter Store parameters and Secrets Manager secrets (through Parameter Store references) with a
/// Powertools-style cache: values are kept in memory for a max age (5 s unless configured), per call
/// <see cref="ParameterGetOptions.MaxAge"/> and <see cref="ParameterGetOptions.ForceFetch"/> apply, and concurrent
/// readers of one key share a single request. Create one per process, outside the handler.
/// </summary>
/// <remarks>Errors are <see cref="ParameterProviderException"/>s that name the parameter but never contain its value.</remarks>
public sealed class SsmParameterProvider
{
    private readonly ParameterProviderOptions _options;
    private readonly SsmParameterReader _reader;
    private readonly CacheManager<ParameterCacheKey, string> _values;
    private readonly CacheManager<ParameterCacheKey, IReadOnlyList<KeyValuePair<string, string>>> _paths;

    /// <summary>Creates a provider over an SSM client (see <see cref="SsmClientFactory"/>).</summary>
    public SsmParameterProvider(IAmazonSimpleSystemsManagement client, ParameterProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _reader = new SsmParameterReader(client);
        _values = new(options.TimeProvider);
        _paths = new(options.TimeProvider);
    }

    /// <summary>The parameter's value, after <see cref="ParameterGetOptions.Transform"/>.</summary>
    /// <exception cref="ParameterNotFoundException">No such parameter.</exception>
    /// <exception cref="ParameterTransformException">The value does not fit the transform.</exception>
    /// <exception cref="ParameterProviderException">SSM could not be read.</exception>
    public async Task<string> GetAsync(string name, ParameterGetOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        options ??= ParameterGetOptions.Default;
        var value = await GetRawAsync(name, options, cancellationToken).ConfigureAwait(false);
        return ParameterTransformer.ToText(name, value, options.Transform);
    }

    /// <summary>The parameter's JSON value deserialized with source-generated metadata (AOT-safe).</summary>
    /// <exception cref="ParameterTransformException">The value is not JSON of that shape, or is JSON null.</exception>
    public async Task<T> GetJsonAsync<T>(
        string name,
        JsonTypeInfo<T> typeInfo,
        ParameterGetOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(typeInfo);
        var value = await GetRawAsync(name, options ?? ParameterGetOptions.Default, cancellationToken).ConfigureAwait(false);
        return ParameterTransformer.FromJson(name, value, typeInfo);
    }

    /// <summary>The parameter's base64 value decoded to bytes.</summary>
    /// <exception cref="ParameterTransformException">The value is not base64.</exception>
    public async Task<byte[]> GetBase64Async(string name, ParameterGetOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var value = await GetRawAsync(name, options ?? ParameterGetOptions.Default, cancellationToken).ConfigureAwait(false);
        return ParameterTransformer.FromBase64(name, value);
    }

    /// <summary>
    /// Every parameter under <paramref name="path"/> (all pages), keyed by name relative to the path without a leading
    /// '/' (as Powertools for Python/TypeScript do: "/products/dev/settings" under "/products/dev" is "settings";
    /// recursive results keep deeper segments, "a/b"). An empty path gives an empty dictionary.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> GetByPathAsync(
        string path,
        bool recursive,
        ParameterGetOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException("A parameter path starts with '/'.", nameof(path));
        }

        options ??= ParameterGetOptions.Default;
        var parameters = await _paths.GetOrFetchAsync(
            new ParameterCacheKey(path, options.Decrypt, recursive),
            MaxAge(options),
            options.ForceFetch,
            key => _reader.GetByPathAsync(key.Name, key.Recursive, key.Decrypt),
            cancellationToken).ConfigureAwait(false);

        var prefix = path.EndsWith('/') ? path : path + "/";
        var result = new Dictionary<string, string>(parameters.Count, StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            var key = name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name.TrimStart('/');
            result.TryAdd(key, ParameterTransformer.ToText(name, value, options.Transform));
        }

        return result;
    }

    /// <summary>
    /// A Secrets Manager secret's string through Parameter Store ("/aws/reference/secretsmanager/{id}[:stage]",
    /// always decrypted). <paramref name="versionStage"/> is e.g. AWSPREVIOUS; null means AWSCURRENT.
    /// </summary>
    /// <exception cref="ParameterNotFoundException">No such secret or stage.</exception>
    public Task<string> GetSecretAsync(
        string secretId,
        string? versionStage = null,
        ParameterGetOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var name = SecretsManagerReference.ParameterName(secretId, versionStage);
        return GetAsync(name, (options ?? ParameterGetOptions.Default) with { Decrypt = true }, cancellationToken);
    }

    private Task<string> GetRawAsync(string name, ParameterGetOptions options, CancellationToken cancellationToken) =>
        _values.GetOrFetchAsync(
            new ParameterCacheKey(name, options.Decrypt, Recursive: false),
            MaxAge(options),
            options.ForceFetch,
            key => _reader.GetAsync(key.Name, key.Decrypt),
            cancellationToken);

    private TimeSpan MaxAge(ParameterGetOptions options) => options.MaxAge ?? _options.DefaultMaxAge;
}
