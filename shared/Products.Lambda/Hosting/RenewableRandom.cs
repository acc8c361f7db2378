namespace Products.Lambda.Hosting;

/// <summary>
/// Random numbers for log sampling that a SnapStart restore can reseed: every environment restored from one snapshot
/// would otherwise draw the same sequence ("Handling uniqueness with Lambda SnapStart"). One invocation at a time per
/// environment, so no locking.
/// </summary>
internal sealed class RenewableRandom
{
    private Random _random = new();

    public double NextDouble() => Volatile.Read(ref _random).NextDouble();

    /// <summary>A new generator seeded from the operating system's entropy.</summary>
    public void Renew() => Volatile.Write(ref _random, new Random());
}
