namespace Products.Emulator.Lambda;

/// <summary>
/// How many execution environments may start at once on this machine, across all functions. A .NET start keeps a core
/// busy for most of a second; starting more at once than the cores allow slows every start and every warm invocation.
/// The gate <see cref="ForThisMachine"/> also watches the machine's CPU, so pools can tell a queue that is slow
/// because the cores are saturated (another environment would only take CPU from the ones serving it) from one
/// whose environments are blocked.
/// </summary>
public sealed class EnvironmentStartGate(int concurrentStarts) : IDisposable
{
    // A start takes about one core for about a second: less than half a core idle and it takes it from warm invocations.
    private const double SpareCoresForAStart = 0.5;

    private MachineCpu? _cpu;
    private Func<double?>? _idleCores;

    /// <summary>The gate for this machine's cores: <see cref="DefaultConcurrentStarts"/> turns, watching its CPU.</summary>
    public static EnvironmentStartGate ForThisMachine(TimeProvider? time = null)
    {
        var cpu = new MachineCpu(time ?? TimeProvider.System);
        return new EnvironmentStartGate(DefaultConcurrentStarts) { _cpu = cpu, _idleCores = () => cpu.IdleCores };
    }

    /// <summary>A gate that reads idle cores from <paramref name="idleCores"/> (tests play a saturated or idle machine).</summary>
    internal static EnvironmentStartGate Watching(int concurrentStarts, Func<double?> idleCores) =>
        new(concurrentStarts) { _idleCores = idleCores };

    /// <summary>
    /// Whether the machine's CPU was saturated over the last second (less than half a core idle). Always false for a
    /// gate that does not watch the CPU.
    /// </summary>
    internal bool CpuSaturated => _idleCores?.Invoke() is { } idle && idle < SpareCoresForAStart;

    /// <summary>All cores but one, which stays for the warm environments, the gateway and the DynamoDB engine; at least one.</summary>
    public static int DefaultConcurrentStarts => Math.Max(1, Environment.ProcessorCount - 1);

    private readonly SemaphoreSlim _turns = new(
        ValidCount(concurrentStarts), ValidCount(concurrentStarts));

    internal Task WaitAsync(CancellationToken cancellationToken) => _turns.WaitAsync(cancellationToken);

    internal void Release() => _turns.Release();

    public void Dispose()
    {
        _cpu?.Dispose();
        _turns.Dispose();
    }

    private static int ValidCount(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return count;
    }
}
