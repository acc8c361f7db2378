namespace Products.Lambda.Parameters.Internal.Cache;

/// <summary>What identifies a fetched value: the name and whether SSM decrypts it (which changes what SSM returns).</summary>
internal readonly record struct ParameterCacheKey(string Name, bool Decrypt);
