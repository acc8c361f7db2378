namespace Products.Lambda.Parameters.Internal.Cache;

/// <summary>A fetched value and when the fetch finished.</summary>
internal sealed record CachedValue<TValue>(TValue Value, DateTimeOffset FetchedAt);
