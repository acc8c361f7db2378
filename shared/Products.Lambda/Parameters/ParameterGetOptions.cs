namespace Products.Lambda.Parameters;

/// <summary>Per-call options of <see cref="SsmParameterProvider"/>.</summary>
public sealed record ParameterGetOptions
{
    /// <summary>The defaults: provider max age, cache allowed, no decryption, no transform.</summary>
    public static ParameterGetOptions Default { get; } = new();

    /// <summary>
    /// Oldest cached value this call accepts; null uses <see cref="ParameterProviderOptions.DefaultMaxAge"/>.
    /// Zero always fetches (concurrent callers still share one request).
    /// </summary>
    public TimeSpan? MaxAge
    {
        get;
        init => field = value is { } age && age < TimeSpan.Zero
            ? throw new ArgumentOutOfRangeException(nameof(value), "MaxAge cannot be negative.")
            : value;
    }

    /// <summary>Skip the cache, fetch now and cache the new value.</summary>
    public bool ForceFetch { get; init; }

    /// <summary>Ask SSM to decrypt SecureString values (WithDecryption); needs kms:Decrypt on the key.</summary>
    public bool Decrypt { get; init; }

    /// <summary>Transform applied to text results. The typed methods (JSON, base64) choose their own.</summary>
    public ParameterTransform Transform
    {
        get;
        init => field = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), "Unknown transform.");
    }
}
