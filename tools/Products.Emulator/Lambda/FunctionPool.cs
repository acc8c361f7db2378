namespace Products.Emulator.Lambda;

/// <summary>
/// The execution environments of one function, scaled the way "Lambda function scaling" describes: an environment
/// serves one invocation at a time, a warm idle one is reused (the most recently used first, so the others can go
/// idle and be stopped), and an invocation that needs a new environment when the function already has as many as its
/// concurrency allows is throttled (429). Environments that timed out or crashed are dropped and replaced.
/// <para>
/// Unlike Lambda, this machine has few cores, and a .NET environment's start costs about a second of CPU: starting one
/// for every request that finds no idle environment starves the warm ones, whose invocations take milliseconds, until
/// everything is slow and more environments start. So an invocation that finds no idle environment waits for a busy
/// one when that will likely be sooner than a cold start would finish (<see cref="StartupEstimates"/>, from what this
/// pool observed), and starts a new environment only when the wait would be longer — or turns out longer than
/// expected. Starts go through one gate shared by all pools (<see cref="EnvironmentStartGate"/>), sized to the cores.
/// </para>
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

    // Invocations waiting for an environment, first come first served: an environment that finishes goes to the first.
    private readonly LinkedList<Waiter> _waiters = [];

    // Environments being stopped outside any invocation (idle timeout, found dead); awaited on dispose.
    private readonly List<Task> _stopping = [];
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ITimer _sweeper;
    private readonly EnvironmentStartGate _starts;
    private readonly bool _ownsStartGate;
    private readonly StartupEstimates _estimates = new();

    private int _started;

    // Environments alive or being started (a start reserves its slot first), never more than MaxEnvironments.
    private int _alive;

    // Invocations accepted and not finished: running, waiting for an environment or starting one. Lambda's concurrency.
    private int _inFlight;

    // Invocations and prewarms in progress; dispose waits for them to stop what they started.
    private int _running;
    private bool _disposed;

    public FunctionPool(FunctionLaunchSpec spec, FunctionPoolOptions options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        spec.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxEnvironments, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.IdleTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Environment.InitTimeout, TimeSpan.Zero);
        _spec = spec;
        _options = options;
        _time = options.Environment.TimeProvider;
        _ownsStartGate = options.StartGate is null;
        _starts = options.StartGate ?? new EnvironmentStartGate(EnvironmentStartGate.DefaultConcurrentStarts);
        var period = TimeSpan.FromTicks(Math.Clamp(
            options.IdleTimeout.Ticks / 4, MinSweepPeriod.Ticks, MaxSweepPeriod.Ticks));
        _sweeper = _time.CreateTimer(_ => StopExpired(), null, period, period);
    }

    public FunctionLaunchSpec Spec => _spec;

    public PoolCounters Counters
    {
        get
        {
            lock (_lock)
            {
                return new PoolCounters(_started, _alive, _inFlight);
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
        Waiter? waiter = null;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            warm = TakeIdle(out dead);
            if (warm is null)
            {
                if (Patience() is not { } patience)
                {
                    dead?.Start();
                    return Task.FromResult<PoolInvokeResult>(new PoolInvokeResult.Throttled());
                }

                waiter = new Waiter(patience);
                waiter.Node = _waiters.AddLast(waiter);
            }

            _inFlight++;
            _running++;
        }

        dead?.Start();
        return RunAsync(warm, waiter, payload).WaitAsync(cancellationToken);
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
            await _starts.WaitAsync(stop.Token);
            var start = await StartReleasingGateAsync(stop.Token);
            if (start is EnvironmentStart.Failed failed)
            {
                return new PrewarmResult.Failed(failed.Message);
            }

            var ready = (EnvironmentStart.Ready)start;
            environment = ready.Environment;
            lock (_lock)
            {
                _estimates.ObserveInit(ready.SpawnToReady);
            }

            return new PrewarmResult.Warm(ready.SpawnToReady);
        }
        finally
        {
            await ReleaseAsync(environment, invocation: false, holdsSlot: true);
        }
    }

    /// <summary>
    /// Provisioned concurrency: starts the spec's <see cref="FunctionLaunchSpec.ProvisionedConcurrency"/> environments
    /// ahead of any request, one at a time, told they are provisioned (AWS_LAMBDA_INITIALIZATION_TYPE), and keeps them:
    /// the idle timeout never goes below that many. Stops at the first that fails to start.
    /// </summary>
    public async Task<PrewarmResult> ProvisionAsync(CancellationToken cancellationToken)
    {
        var longest = TimeSpan.Zero;
        for (var i = 0; i < _spec.ProvisionedConcurrency; i++)
        {
            lock (_lock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_alive >= _options.MaxEnvironments)
                {
                    break;
                }

                _alive++;
                _running++;
            }

            ExecutionEnvironment? environment = null;
            try
            {
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdown.Token);
                await _starts.WaitAsync(stop.Token);
                var start = await StartReleasingGateAsync(stop.Token, provisioned: true);
                if (start is EnvironmentStart.Failed failed)
                {
                    return new PrewarmResult.Failed(failed.Message);
                }

                var ready = (EnvironmentStart.Ready)start;
                environment = ready.Environment;
                longest = ready.SpawnToReady > longest ? ready.SpawnToReady : longest;
            }
            finally
            {
                await ReleaseAsync(environment, invocation: false, holdsSlot: true);
            }
        }

        return new PrewarmResult.Warm(longest);
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
        // Busy environments are killed by their own invocation, which sees the shutdown and then releases them;
        // waiting invocations see it too and give up.
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
        if (_ownsStartGate)
        {
            _starts.Dispose();
        }
    }

    private async Task<PoolInvokeResult> RunAsync(ExecutionEnvironment? warm, Waiter? waiter, ReadOnlyMemory<byte> payload)
    {
        var environment = warm;
        try
        {
            TimeSpan? initDuration = null;
            if (environment is null)
            {
                var acquired = await AcquireAsync(waiter!, _shutdown.Token);
                if (acquired is null)
                {
                    return new PoolInvokeResult.Throttled();
                }

                if (acquired is EnvironmentStart.Failed failed)
                {
                    return new PoolInvokeResult.InitFailed(failed.Message);
                }

                if (acquired is EnvironmentStart.HandedOver handedOver)
                {
                    environment = handedOver.Environment;
                }
                else
                {
                    var ready = (EnvironmentStart.Ready)acquired;
                    environment = ready.Environment;
                    initDuration = ready.SpawnToReady;
                }
            }

            var result = await environment.InvokeAsync(payload, _shutdown.Token);
            if (result is PoolInvokeResult.Succeeded succeeded)
            {
                lock (_lock)
                {
                    _estimates.ObserveInvocation(initDuration, succeeded.Duration);
                }
            }

            return result is PoolInvokeResult.Succeeded ok && initDuration is not null
                ? ok with { ColdStart = true, InitDuration = initDuration }
                : result;
        }
        catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
        {
            return new PoolInvokeResult.Crashed("The emulator is shutting down.");
        }
        finally
        {
            // A waiter given up on shutdown may have been handed an environment at the last moment: release it too.
            await ReleaseAsync(environment ?? waiter?.Orphan, invocation: true, holdsSlot: waiter?.HoldsSlot ?? false);
        }
    }

    /// <summary>
    /// How long an invocation that found no idle environment waits for a busy one before it starts its own: not at
    /// all when none is alive or the expected wait is longer than a cold start, else about a cold start's duration
    /// (a wait that runs past it was misjudged — a slow invocation, a stuck environment — and a start is due). Null
    /// when it needs a new environment and the function already has as many as its concurrency allows: Lambda's
    /// throttle. Called under the lock.
    /// </summary>
    private TimeSpan? Patience()
    {
        var serving = _alive;
        if (serving == 0)
        {
            return TimeSpan.Zero;
        }

        var coldStart = _estimates.ColdStart;
        // Invocations ahead of this one, spread over the environments that will take them.
        var expectedWait = _estimates.WarmInvocation * (_waiters.Count + 1) / serving;
        if (expectedWait < coldStart)
        {
            return coldStart;
        }

        return serving < _options.MaxEnvironments ? TimeSpan.Zero : null;
    }

    /// <summary>
    /// An environment for a waiting invocation: one handed over by an invocation that finished (<see cref="EnvironmentStart.HandedOver"/>),
    /// or, once its patience ran out and a slot and a start turn are free, a new one. It keeps accepting a handed-over
    /// environment until its own start begins. Null: patience ran out with every slot taken (throttled).
    /// </summary>
    private async Task<EnvironmentStart?> AcquireAsync(Waiter waiter, CancellationToken cancellationToken)
    {
        try
        {
            if (waiter.Patience > TimeSpan.Zero)
            {
                await Task.WhenAny(waiter.Handoff.Task, Task.Delay(waiter.Patience, _time, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
            }

            lock (_lock)
            {
                if (waiter.Handoff.Task.IsCompleted)
                {
                    return new EnvironmentStart.HandedOver(waiter.Handoff.Task.Result);
                }

                if (_alive >= _options.MaxEnvironments)
                {
                    // It waited longer than a start takes and needs an environment of its own, but the function has
                    // as many as its concurrency allows: Lambda would have throttled it.
                    Dequeue(waiter);
                    return null;
                }

                _alive++;
                waiter.HoldsSlot = true;
            }

            var turn = _starts.WaitAsync(cancellationToken);
            await Task.WhenAny(turn, waiter.Handoff.Task);
            lock (_lock)
            {
                if (waiter.Handoff.Task.IsCompleted)
                {
                    _alive--; // The reserved slot: the handed-over environment already holds one.
                    waiter.HoldsSlot = false;
                    _starts.ReleaseWhenAcquired(turn);
                    return new EnvironmentStart.HandedOver(waiter.Handoff.Task.Result);
                }

                Dequeue(waiter); // From here on nothing is handed to it: it starts its own.
            }

            await turn; // Throws when cancelled (shutdown), after the lock: the slot is given back on release.
            return await StartReleasingGateAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            lock (_lock)
            {
                Dequeue(waiter);
                if (waiter.Handoff.Task.IsCompletedSuccessfully)
                {
                    waiter.Orphan = waiter.Handoff.Task.Result;
                    waiter.HoldsSlot = false;
                }
            }

            throw;
        }
    }

    /// <summary>Starts an environment for a caller that holds a start turn, and lets the next starter in.</summary>
    private async Task<EnvironmentStart> StartReleasingGateAsync(CancellationToken cancellationToken, bool provisioned = false)
    {
        try
        {
            lock (_lock)
            {
                _started++;
            }

            return await ExecutionEnvironment.StartAsync(_spec, _options.Environment, provisioned, cancellationToken);
        }
        finally
        {
            _starts.Release();
        }
    }

    /// <summary>
    /// Hands a usable environment to the first waiting invocation, else back to the idle stack; an unusable one is
    /// stopped and its slot freed (after the process is gone, so the pool never runs more processes than its limit).
    /// </summary>
    /// <param name="holdsSlot">Without an environment: whether the caller reserved a slot for one (a failed start).</param>
    private async Task ReleaseAsync(ExecutionEnvironment? environment, bool invocation, bool holdsSlot)
    {
        var keep = false;
        lock (_lock)
        {
            if (environment is not null && environment.IsAlive && !_disposed)
            {
                keep = true;
                if (_waiters.First is { } first)
                {
                    Dequeue(first.Value);
                    first.Value.Handoff.SetResult(environment);
                }
                else
                {
                    _idle.Add(new IdleEnvironment(environment, _time.GetTimestamp()));
                }
            }
        }

        if (!keep && environment is not null)
        {
            await environment.DisposeAsync();
        }

        lock (_lock)
        {
            // An environment that was not kept, or a start that failed, frees its slot.
            _alive -= !keep && (environment is not null || holdsSlot) ? 1 : 0;
            _inFlight -= invocation ? 1 : 0;
            _running--;
            if (_disposed && _running == 0)
            {
                _drained.TrySetResult();
            }
        }
    }

    private void Dequeue(Waiter waiter)
    {
        if (waiter.Node?.List is not null)
        {
            _waiters.Remove(waiter.Node);
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
            // Provisioned environments are kept: the timeout stops only those beyond the provisioned number.
            while (_idle.Count > 0
                && (!_idle[0].Environment.IsAlive
                    || (_time.GetElapsedTime(_idle[0].IdleSince) >= _options.IdleTimeout
                        && _alive - found.Count > _spec.ProvisionedConcurrency)))
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

    /// <summary>An invocation waiting for an environment; <see cref="Handoff"/> completes under the pool's lock.</summary>
    private sealed class Waiter(TimeSpan patience)
    {
        public TimeSpan Patience { get; } = patience;

        public TaskCompletionSource<ExecutionEnvironment> Handoff { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }

        /// <summary>Whether it reserved a slot to start an environment (and has not given it back).</summary>
        public bool HoldsSlot { get; set; }

        /// <summary>An environment handed over just as the waiter gave up (shutdown); released with the invocation.</summary>
        public ExecutionEnvironment? Orphan { get; set; }
    }
}
