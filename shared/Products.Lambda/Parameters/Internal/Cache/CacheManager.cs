using System.Collections.Concurrent;

namespace Products.Lambda.Parameters.Internal.Cache;

/// <summary>
/// In-memory cache with one fetch in flight per key (as Powertools Parameters' CacheManager, plus single-flight).
/// A value is fresh while its age (time since its fetch finished, by the injected clock) is below the max age.
/// Concurrent callers of a missing or stale key share one
/// fetch; a failed fetch is removed before it completes, so the next call fetches again.
/// </summary>
internal sealed class CacheManager<TKey, TValue>(TimeProvider timeProvider)
    where TKey : notnull
{
    // Lazy so that, when AddOrUpdate/TryUpdate race, only the entry that got installed ever starts its fetch.
    private readonly ConcurrentDictionary<TKey, Lazy<Task<CachedValue<TValue>>>> _entries = new();

    /// <summary>
    /// The cached value when fresh, else the result of a fetch (shared with concurrent callers). The fetch is not
    /// bound to <paramref name="cancellationToken"/>: other callers may be waiting on it; the caller stops waiting.
    /// </summary>
    public async Task<TValue> GetOrFetchAsync(
        TKey key,
        TimeSpan maxAge,
        Func<TKey, Task<TValue>> fetch,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        while (true)
        {
            Lazy<Task<CachedValue<TValue>>>? seen = null;
            if (_entries.TryGetValue(key, out var existing))
            {
                var task = existing.Value;
                if (!task.IsCompleted)
                {
                    // A fetch that is still running is as fresh as a new one would be.
                    return (await task.WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
                }

                if (task.IsCompletedSuccessfully && IsFresh(task.Result, maxAge))
                {
                    return task.Result.Value;
                }

                seen = existing;
            }

            var created = CreateEntry(key, fetch);
            var installed = seen is null ? _entries.TryAdd(key, created) : _entries.TryUpdate(key, created, seen);
            if (installed)
            {
                return (await created.Value.WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
            }

            // Another caller installed a fetch first: go round and use it.
        }
    }

    private bool IsFresh(CachedValue<TValue> cached, TimeSpan maxAge) =>
        timeProvider.GetUtcNow() - cached.FetchedAt < maxAge;

    private Lazy<Task<CachedValue<TValue>>> CreateEntry(TKey key, Func<TKey, Task<TValue>> fetch)
    {
        Lazy<Task<CachedValue<TValue>>>? entry = null;
        entry = new Lazy<Task<CachedValue<TValue>>>(() => FetchAsync(key, entry!, fetch));
        return entry;
    }

    private async Task<CachedValue<TValue>> FetchAsync(
        TKey key,
        Lazy<Task<CachedValue<TValue>>> self,
        Func<TKey, Task<TValue>> fetch)
    {
        try
        {
            var value = await fetch(key).ConfigureAwait(false);
            return new CachedValue<TValue>(value, timeProvider.GetUtcNow());
        }
        catch
        {
            // Never cache a failure; only remove our own entry (a newer fetch may have replaced it already).
            _entries.TryRemove(KeyValuePair.Create(key, self));
            throw;
        }
    }
}
