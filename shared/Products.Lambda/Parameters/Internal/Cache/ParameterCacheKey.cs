namespace Products.Lambda.Parameters.Internal.Cache;

/// <summary>
/// What identifies a fetched value: the name (or path) and the request options that change what SSM returns.
/// Transforms are applied after the cache, so every representation of a parameter shares one fetch.
/// </summary>
internal readonly record struct ParameterCacheKey(string Name, bool Decrypt, bool Recursive);
