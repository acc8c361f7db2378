namespace Products.Emulator.Lambda;

/// <summary>
/// How many execution environments may start at once on this machine, across all functions. A .NET start keeps a core
/// busy for most of a second; starting more at once than the cores allow slows every start and every warm invocation.
/// </summary>
public sealed class EnvironmentStartGate(int concurrentStarts) : IDisposable
{
    /// <summary>All cores but one, which stays for the warm environments, the gateway and the DynamoDB engine; at least one.</summary>
    public static int DefaultConcurrentStarts => Math.Max(1, Environment.ProcessorCount - 1);

    private readonly SemaphoreSlim _turns = new(
        ValidCount(concurrentStarts), ValidCount(concurrentStarts));

    internal Task WaitAsync(CancellationToken cancellationToken) => _turns.WaitAsync(cancellationToken);

    internal void Release() => _turns.Release();

    /// <summary>For a turn no longer wanted: gives it back whenever it is granted (a cancelled wait holds nothing).</summary>
    internal void ReleaseWhenAcquired(Task turn) =>
        turn.ContinueWith(
            static (acquired, turns) =>
            {
                if (acquired.IsCompletedSuccessfully)
                {
                    ((SemaphoreSlim)turns!).Release();
                }
            },
            _turns,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    public void Dispose() => _turns.Dispose();

    private static int ValidCount(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return count;
    }
}
