namespace Products.Emulator.Lambda;

/// <summary>The emulator's Lambda: one <see cref="FunctionPool"/> per function, by template logical id.</summary>
public sealed class LambdaService : IAsyncDisposable
{
    private readonly Dictionary<string, FunctionPool> _pools;
    private readonly EnvironmentStartGate? _ownedStartGate;

    /// <exception cref="ArgumentException">Two specs share a logical id, or a spec is invalid.</exception>
    public LambdaService(IEnumerable<FunctionLaunchSpec> functions, FunctionPoolOptions options)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(options);
        _pools = new Dictionary<string, FunctionPool>(StringComparer.Ordinal);
        // One gate for all functions: the cores are shared, whichever function starts.
        if (options.StartGate is null)
        {
            _ownedStartGate = EnvironmentStartGate.ForThisMachine(options.Environment.TimeProvider);
            options = options with { StartGate = _ownedStartGate };
        }

        foreach (var spec in functions)
        {
            if (_pools.ContainsKey(spec.LogicalId))
            {
                throw new ArgumentException($"Function {spec.LogicalId} is defined twice.", nameof(functions));
            }

            // Validates first, so a bad spec leaves no pool (and no timer) behind.
            spec.Validate();
            _pools.Add(spec.LogicalId, new FunctionPool(spec, options));
        }
    }

    public IReadOnlyCollection<FunctionPool> Pools => _pools.Values;

    /// <exception cref="KeyNotFoundException">No function has this logical id.</exception>
    public FunctionPool this[string logicalId] =>
        _pools.TryGetValue(logicalId, out var pool)
            ? pool
            : throw new KeyNotFoundException($"No function with logical id '{logicalId}'.");

    public Task<PoolInvokeResult> InvokeAsync(
        string logicalId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        this[logicalId].InvokeAsync(payload, cancellationToken);

    /// <summary>Stops every function process the service started, all pools at once.</summary>
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_pools.Values.Select(pool => pool.DisposeAsync().AsTask()));
        _ownedStartGate?.Dispose();
    }
}
