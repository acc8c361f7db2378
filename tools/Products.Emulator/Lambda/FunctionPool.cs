namespace Products.Emulator.Lambda;

/// <summary>
/// The execution environments of one function, scaled the way "Lambda function scaling" describes: an environment
/// serves one invocation at a time, a warm idle one is reused (the most recently used first, so the others can go
/// idle and be stopped), a new one is started while the concurrency limit allows, and past the limit an invocation
/// is throttled at once. Environments that timed out or crashed are dropped and replaced on the next request.
/// Unlike Lambda, this machine has few cores: environments start one at a time (<see cref="FunctionPoolOptions.MaxConcurrentStarts"/>),
/// and an invocation waiting for its turn to start one takes an environment that goes idle meanwhile instead. Ten
/// .NET processes starting at once on two cores each took seconds (and timed out), while a warm environment frees
/// up within milliseconds.
/// </summary>
public sealed class FunctionPool : IAsyncDisposable
{
    private static readonly TimeSpan MinSweepPeriod = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MaxSweepPeriod = TimeSpan.FromSeconds(15);

    private readonly FunctionLaunchSpec _spec;
    private readonly FunctionPoolOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();

    // Idle environments, the most recently used last.
    private readonly List<IdleEnvironment> _idle = [];

    // Environments being stopped outside any invocation (idle timeout, found dead); awaited on dispose.
    private readonly List<Task> _stopping = [];
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ITimer _sweeper;
    private readonly SemaphoreSlim _startGate;

    // Completed (and replaced) each time an environment goes idle, waking invocations waiting for their turn to start one.
    private TaskCompletionSource _wentIdle = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _started;
    private int _alive;
    private int _busy;

    // Invocations and prewarms in progress; dispose waits for them to stop what they started.
    private int _running;
    private bool _disposed;

    public FunctionPool(FunctionLaunchSpec spec, FunctionPoolOptions options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        spec.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxEnvironments, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentStarts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.IdleTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Environment.InitTimeout, TimeSpan.Zero);
        _spec = spec;
        _options = options;
        _time = options.Environment.TimeProvider;
        var period = TimeSpan.FromTicks(Math.Clamp(
            options.IdleTimeout.Ticks / 4, MinSweepPeriod.Ticks, MaxSweepPeriod.Ticks));
        _sweeper = _time.CreateTimer(_ => StopExpired(), null, period, period);
        _startGate = new SemaphoreSlim(options.MaxConcurrentStarts, options.MaxConcurrentStarts);
    }

    public FunctionLaunchSpec Spec => _spec;

    public PoolCounters Counters
    {
        get
        {
            lock (_lock)
            {
                return new PoolCounters(_started, _alive, _busy);
            }
        }
    }

    /// <summary>Process ids of the idle (warm) environments, the most recently used last (the next one reused).</summary>
    public IReadOnlyList<int> ProcessIds
    {
        get
        {
            lock (_lock)
            {
                return [.. _idle.Select(entry => entry.Environment.ProcessId)];
            }
        }
    }

    /// <summary>
    /// Invokes the function once. The invocation runs to its own end even if <paramref name="cancellationToken"/>
    /// fires (the caller only stops waiting), as a synchronous Lambda invocation outlives a client that hung up.
    /// </summary>
    public Task<PoolInvokeResult> InvokeAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ExecutionEnvironment? warm;
        Retirement? dead;
        var throttled = false;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            warm = TakeIdle(out dead);
            if (warm is null && _alive - (dead?.Environments.Count ?? 0) >= _options.MaxEnvironments)
            {
                throttled = true;
            }
            else
            {
                if (warm is null)
                {
                    _alive++; // The slot of the environment about to be started.
                }

                _busy++;
                _running++;
            }
        }

        dead?.Start();
        return throttled
            ? Task.FromResult<PoolInvokeResult>(new PoolInvokeResult.Throttled())
            : RunAsync(warm, payload).WaitAsync(cancellationToken);
    }

    /// <summary>Starts one environment when none is alive, so the first invocation is warm.</summary>
    public async Task<PrewarmResult> PrewarmAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_alive > 0)
            {
                return new PrewarmResult.Warm(null);
            }

            _alive++;
            _running++;
        }

        ExecutionEnvironment? environment = null;
        try
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdown.Token);
            await _startGate.WaitAsync(stop.Token);
            var start = await StartReleasingGateAsync(stop.Token);

            if (start is EnvironmentStart.Failed failed)
            {
                return new PrewarmResult.Failed(failed.Message);
            }

            var ready = (EnvironmentStart.Ready)start;
            environment = ready.Environment;
            return new PrewarmResult.Warm(ready.SpawnToReady);
        }
        finally
        {
            await ReleaseAsync(environment, wasBusy: false);
        }
    }

    /// <summary>Stops every environment (SIGTERM, then kill after the grace period) and waits until all are gone.</summary>
    public async ValueTask DisposeAsync()
    {
        List<ExecutionEnvironment> idle;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            idle = [.. _idle.Select(entry => entry.Environment)];
            _idle.Clear();
            _alive -= idle.Count;
            if (_running == 0)
            {
                _drained.TrySetResult();
            }
        }

        await _sweeper.DisposeAsync();
        // Busy environments are killed by their own invocation, which sees the shutdown and then releases them.
        await _shutdown.CancelAsync();
        await Task.WhenAll(idle.Select(environment => environment.DisposeAsync().AsTask()));
        await _drained.Task;
        Task[] stopping;
        lock (_lock)
        {
            stopping = [.. _stopping];
        }

        await Task.WhenAll(stopping);
        _shutdown.Dispose();
        _startGate.Dispose();
    }

    private async Task<PoolInvokeResult> RunAsync(ExecutionEnvironment? warm, ReadOnlyMemory<byte> payload)
    {
        var environment = warm;
        try
        {
            TimeSpan? initDuration = null;
            environment ??= await IdleOrTurnToStartAsync(_shutdown.Token);
            if (environment is null)
            {
                var start = await StartReleasingGateAsync(_shutdown.Token);

                if (start is EnvironmentStart.Failed failed)
                {
                    return new PoolInvokeResult.InitFailed(failed.Message);
                }

                var ready = (EnvironmentStart.Ready)start;
                environment = ready.Environment;
                initDuration = ready.SpawnToReady;
            }

            var result = await environment.InvokeAsync(payload, _shutdown.Token);
            return result is PoolInvokeResult.Succeeded succeeded && initDuration is not null
                ? succeeded with { ColdStart = true, InitDuration = initDuration }
                : result;
        }
        catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
        {
            return new PoolInvokeResult.Crashed("The emulator is shutting down.");
        }
        finally
        {
            await ReleaseAsync(environment, wasBusy: true);
        }
    }

    /// <summary>
    /// For an invocation that reserved a slot for a new environment: waits for its turn to start one (null: the gate is
    /// now held, the caller starts and releases it) or, if an environment goes idle first, takes that one and gives the
    /// reserved slot back.
    /// </summary>
    private async Task<ExecutionEnvironment?> IdleOrTurnToStartAsync(CancellationToken cancellationToken)
    {
        var turn = _startGate.WaitAsync(cancellationToken);
        while (true)
        {
            ExecutionEnvironment? idle;
            Retirement? dead;
            Task wentIdle;
            lock (_lock)
            {
                idle = TakeIdle(out dead);
                if (idle is not null)
                {
                    _alive--; // The reserved slot: this invocation uses an environment that already holds one.
                }

                wentIdle = _wentIdle.Task;
            }

            dead?.Start();
            if (idle is not null)
            {
                // The turn may still come (or have come): pass it on to the next waiter.
                _ = turn.ContinueWith(
                    static (acquired, gate) =>
                    {
                        if (acquired.IsCompletedSuccessfully)
                        {
                            ((SemaphoreSlim)gate!).Release();
                        }
                    },
                    _startGate,
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
                return idle;
            }

            if (await Task.WhenAny(turn, wentIdle) == turn)
            {
                await turn; // Throws when cancelled (shutdown).
                return null;
            }
        }
    }

    /// <summary>Starts an environment for a caller that holds the start gate, and lets the next starter in.</summary>
    private async Task<EnvironmentStart> StartReleasingGateAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await StartEnvironmentAsync(cancellationToken);
        }
        finally
        {
            _startGate.Release();
        }
    }

    private async Task<EnvironmentStart> StartEnvironmentAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _started++;
        }

        return await ExecutionEnvironment.StartAsync(_spec, _options.Environment, cancellationToken);
    }

    /// <summary>
    /// Back to the idle stack if it is still usable, else stopped and its slot freed (after the process is gone,
    /// so the pool never runs more processes than its limit).
    /// </summary>
    private async Task ReleaseAsync(ExecutionEnvironment? environment, bool wasBusy)
    {
        var keep = false;
        lock (_lock)
        {
            if (environment is not null && environment.IsAlive && !_disposed)
            {
                keep = true;
                _idle.Add(new IdleEnvironment(environment, _time.GetTimestamp()));
                _busy -= wasBusy ? 1 : 0;
                var wentIdle = _wentIdle;
                _wentIdle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wentIdle.TrySetResult();
            }
        }

        if (!keep && environment is not null)
        {
            await environment.DisposeAsync();
        }

        lock (_lock)
        {
            if (!keep)
            {
                _alive--;
                _busy -= wasBusy ? 1 : 0;
            }

            _running--;
            if (_disposed && _running == 0)
            {
                _drained.TrySetResult();
            }
        }
    }

    /// <summary>
    /// The most recently used live idle environment. Dead ones met on the way are handed to
    /// <paramref name="dead"/> to be stopped; they keep their slots until their processes are gone.
    /// </summary>
    private ExecutionEnvironment? TakeIdle(out Retirement? dead)
    {
        List<ExecutionEnvironment>? found = null;
        ExecutionEnvironment? live = null;
        while (_idle.Count > 0)
        {
            var environment = _idle[^1].Environment;
            _idle.RemoveAt(_idle.Count - 1);
            if (environment.IsAlive)
            {
                live = environment;
                break;
            }

            (found ??= []).Add(environment);
        }

        dead = found is null ? null : Retire(found);
        return live;
    }

    /// <summary>Idle timeout: stops environments idle for longer than <see cref="FunctionPoolOptions.IdleTimeout"/>.</summary>
    private void StopExpired()
    {
        Retirement? expired = null;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            // Oldest first: the list is ordered by when each environment went idle.
            List<ExecutionEnvironment> found = [];
            while (_idle.Count > 0
                && (!_idle[0].Environment.IsAlive || _time.GetElapsedTime(_idle[0].IdleSince) >= _options.IdleTimeout))
            {
                found.Add(_idle[0].Environment);
                _idle.RemoveAt(0);
            }

            if (found.Count > 0)
            {
                expired = Retire(found);
            }
        }

        expired?.Start();
    }

    /// <summary>
    /// Registers the stop of environments taken out of the pool, under the lock, so dispose cannot miss it.
    /// </summary>
    private Retirement Retire(List<ExecutionEnvironment> environments)
    {
        var retirement = new Retirement(environments, OnRetired);
        _stopping.RemoveAll(task => task.IsCompleted);
        _stopping.Add(retirement.Completion);
        return retirement;
    }

    private void OnRetired(int count)
    {
        lock (_lock)
        {
            _alive -= count;
        }
    }
}
