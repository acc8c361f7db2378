namespace Products.Local.Lambda;

/// <summary>
/// A consistent snapshot of a pool: environments ever started, alive now (starting, idle or busy) and busy now.
/// </summary>
internal sealed record PoolCounters(int Started, int Alive, int Busy);
