namespace Products.Emulator.Lambda;

/// <summary>
/// A consistent snapshot of a pool: environments ever started, alive now (starting, idle or busy) and busy now.
/// </summary>
public sealed record PoolCounters(int Started, int Alive, int Busy);
