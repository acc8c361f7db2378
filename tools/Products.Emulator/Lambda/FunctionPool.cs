namespace Products.Emulator.Lambda;

/// <summary>
/// The execution environments of one function, scaled the way "Lambda function scaling" describes: an environment
/// serves one invocation at a time, a warm idle one is reused (the most recently used first, so the others can go
/// idle and be stopped), and an invocation that needs a new environment when the function already has as many as its
/// concurrency allows is throttled (429). Environments that timed out or crashed are dropped and replaced.
/// <para>
/// Unlike Lambda, this machine has few cores, and a .NET environment's start costs about a second of CPU: starting one
/// for every request that finds no idle environment starves the warm ones, whose invocations take milliseconds, until
/// everything is slow and more environments start. So an invocation that finds no idle environment joins a queue that
/// every environment serves first come first served, and the pool — not the invocation — decides to start another
/// environment: when the expected wait (<see cref="StartupEstimates"/>, from what this pool observed) is longer than a
/// cold start, or when the head of the queue has waited longer than a cold start (the estimate was wrong) and no start
/// is already on its way. A new environment serves whoever is first in the queue when it is ready. Starts go through
/// one gate shared by all pools (<see cref="EnvironmentStartGate"/>), sized to the cores; a start whose queue has
/// emptied by the time its turn comes does not happen. An invocation is throttled only when it needs a new environment,
/// none is on its way, and the function already has as many as its concurrency allows.
/// </para>
/// </summary>
public sealed class FunctionPool : IAsyncDisposable
{
    private static readonly TimeSpan MinSweepPeriod = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MaxSweepPeriod = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan UtilizationWindow = TimeSpan.FromSeconds(2);
    private const double TargetUtilization = 0.7;

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

    // Starts the pool decided on for its queue, not yet ended (their slots are counted in _alive).
    private int _starting;

    // When an invocation last ended (a timestamp of the time provider): whether the queue is moving.
    private long _lastCompletion;

    // Utilization: time the environments spent invoking since _utilizationSince (a timestamp).
    private TimeSpan _busy;
    private long _utilizationSince;

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
        _utilizationSince = _time.GetTimestamp();
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
        var start = false;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            warm = TakeIdle(out dead);
            if (warm is null)
            {
                var admission = Admit();
                if (admission == Admission.Throttle)
                {
                    dead?.Start();
                    return Task.FromResult<PoolInvokeResult>(new PoolInvokeResult.Throttled());
                }

                waiter = new Waiter(_estimates.ColdStart);
                waiter.Node = _waiters.AddLast(waiter);
                if (admission == Admission.WaitAndStart)
                {
                    ReserveStart();
                    start = true;
                }
            }

            _inFlight++;
            _running++;
        }

        dead?.Start();
        if (start)
        {
            _ = StartForQueueAsync();
        }

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
                switch (await WaitForEnvironmentAsync(waiter!, _shutdown.Token))
                {
                    case Assignment.Throttled:
                        return new PoolInvokeResult.Throttled();
                    case Assignment.StartFailed failed:
                        return new PoolInvokeResult.InitFailed(failed.Message);
                    case Assignment.Environment assigned:
                        environment = assigned.Assigned;
                        initDuration = assigned.InitDuration;
                        break;
                }
            }

            var result = await environment!.InvokeAsync(payload, _shutdown.Token);
            if (result is PoolInvokeResult.Succeeded succeeded)
            {
                bool scaleOut;
                lock (_lock)
                {
                    _estimates.ObserveInvocation(first: initDuration is not null, succeeded.Duration);
                    scaleOut = ObserveUtilization(succeeded.Duration);
                }

                if (scaleOut)
                {
                    _ = StartForQueueAsync(forCapacity: true);
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
            await ReleaseAsync(environment ?? waiter?.Orphan, invocation: true, holdsSlot: false);
        }
    }

    /// <summary>
    /// What to do with an invocation that found no idle environment: wait in the queue; wait and have the pool start an
    /// environment (none is alive, or the expected wait — invocations ahead of it spread over the environments alive or
    /// starting — is longer than a cold start); or throttle it (it needs a new environment, none is on its way and the
    /// function has as many as its concurrency allows: Lambda's 429). Called under the lock.
    /// </summary>
    private Admission Admit()
    {
        if (_alive == 0)
        {
            return Admission.WaitAndStart;
        }

        var expectedWait = _estimates.WarmInvocation * (_waiters.Count + 1) / _alive;
        if (expectedWait < _estimates.ColdStart)
        {
            return Admission.Wait;
        }

        if (_alive < _options.MaxEnvironments)
        {
            return Admission.WaitAndStart;
        }

        return _starting > 0 ? Admission.Wait : Admission.Throttle;
    }

    /// <summary>
    /// Waits in the queue until an environment is assigned: one that finished an invocation, or one the pool started.
    /// Each time the wait runs past a cold start it was misjudged (a slow invocation, a stuck environment), so the pool
    /// starts one more environment unless one is on its way — or, when the function has as many as its concurrency
    /// allows, the invocation is throttled.
    /// </summary>
    private async Task<Assignment> WaitForEnvironmentAsync(Waiter waiter, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                using (var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    await Task.WhenAny(waiter.Assignment.Task, Task.Delay(waiter.Patience, _time, patience.Token));
                    await patience.CancelAsync(); // Stops the timer of a wait that ended with an assignment.
                }

                if (waiter.Assignment.Task.IsCompleted)
                {
                    return waiter.Assignment.Task.Result;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var start = false;
                lock (_lock)
                {
                    if (waiter.Assignment.Task.IsCompleted)
                    {
                        return waiter.Assignment.Task.Result;
                    }

                    if (_starting == 0)
                    {
                        if (_alive >= _options.MaxEnvironments)
                        {
                            Dequeue(waiter);
                            return new Assignment.Throttled();
                        }

                        ReserveStart();
                        start = true;
                    }

                    waiter.Patience = _estimates.ColdStart;
                }

                if (start)
                {
                    _ = StartForQueueAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
            lock (_lock)
            {
                Dequeue(waiter);
                if (waiter.Assignment.Task.IsCompletedSuccessfully
                    && waiter.Assignment.Task.Result is Assignment.Environment assigned)
                {
                    waiter.Orphan = assigned.Assigned;
                }
            }

            throw;
        }
    }

    /// <summary>
    /// Target tracking, as Application Auto Scaling keeps a provisioned-concurrency utilization of 0.7 for Lambda: over
    /// each window, the share of time the ready environments spent invoking. Above the target, queueing delays grow
    /// steeply (a single environment at 80 % busy makes every fifth request wait), so the pool starts one more
    /// environment ahead of the queue — not while a start is on its way, at the concurrency limit, or on saturated
    /// cores. True when it reserved that start. Called under the lock.
    /// </summary>
    private bool ObserveUtilization(TimeSpan invocation)
    {
        _busy += invocation;
        var window = _time.GetElapsedTime(_utilizationSince);
        if (window < UtilizationWindow)
        {
            return false;
        }

        var ready = _alive - _starting;
        var utilization = ready <= 0 ? 0 : _busy / (window * ready);
        _busy = TimeSpan.Zero;
        _utilizationSince = _time.GetTimestamp();
        if (utilization <= TargetUtilization || _starting > 0 || _alive >= _options.MaxEnvironments
            || _starts.CpuSaturated || _disposed)
        {
            return false;
        }

        ReserveStart();
        return true;
    }

    /// <summary>Reserves a slot for a start the pool decided on. Called under the lock.</summary>
    private void ReserveStart()
    {
        _alive++;
        _starting++;
        _running++;
    }

    /// <summary>
    /// A start for the queue (its slot reserved by <see cref="ReserveStart"/>): waits for a start turn, skips the start
    /// if the queue emptied meanwhile, and assigns the new environment — or the init failure — to whoever is first in
    /// the queue then. After a failure, invocations still waiting with nothing alive get another start (Lambda retries
    /// init for each invocation).
    /// </summary>
    /// <param name="forCapacity">A start for utilization (<see cref="ObserveUtilization"/>): wanted with an empty queue too.</param>
    private async Task StartForQueueAsync(bool forCapacity = false)
    {
        ExecutionEnvironment? environment = null;
        TimeSpan? initDuration = null;
        var failed = false;
        try
        {
            await _starts.WaitAsync(_shutdown.Token);
            bool needed;
            lock (_lock)
            {
                // Not when the queue emptied meanwhile; nor when environments serve it and the machine's cores are
                // saturated: the queue is slow because the CPU is, and a start would take a core from those serving it.
                // Environments that finish nothing (blocked, long invocations) get their extra environment whatever the CPU.
                var serving = _alive - _starting;
                var progressing = _time.GetElapsedTime(_lastCompletion) < _estimates.ColdStart;
                needed = (forCapacity || _waiters.Count > 0) && (serving == 0 || !(progressing && _starts.CpuSaturated));
            }

            if (!needed)
            {
                _starts.Release();
                return;
            }

            var start = await StartReleasingGateAsync(_shutdown.Token);
            if (start is EnvironmentStart.Failed failure)
            {
                failed = true;
                if (!forCapacity)
                {
                    // A start for capacity fails no invocation: the environments alive go on serving the queue.
                    FailFirstWaiter(failure.Message);
                }

                return;
            }

            var ready = (EnvironmentStart.Ready)start;
            environment = ready.Environment;
            initDuration = ready.SpawnToReady;
            lock (_lock)
            {
                _estimates.ObserveInit(ready.SpawnToReady);
            }
        }
        catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
        {
            // Shutting down: the waiters see it too and give up.
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Nobody awaits this task: an unexpected failure (its Runtime API server could not start) must reach the
            // queue, or the first waiter would wait for an environment that never comes.
            failed = true;
            if (!forCapacity)
            {
                FailFirstWaiter($"The execution environment could not start: {exception.Message}");
            }
        }
        finally
        {
            lock (_lock)
            {
                _starting--;
            }

            await ReleaseAsync(environment, invocation: false, holdsSlot: true, initDuration);
            if (failed)
            {
                StartIfStranded();
            }
        }
    }

    private void FailFirstWaiter(string message)
    {
        lock (_lock)
        {
            if (_waiters.First is { } first)
            {
                Dequeue(first.Value);
                first.Value.Assignment.SetResult(new Assignment.StartFailed(message));
            }
        }
    }

    /// <summary>After a failed start: invocations still queued with no environment alive or starting get another.</summary>
    private void StartIfStranded()
    {
        lock (_lock)
        {
            if (_disposed || _waiters.Count == 0 || _alive > 0)
            {
                return;
            }

            ReserveStart();
        }

        _ = StartForQueueAsync();
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
    /// <param name="initDuration">For an environment just started: its init, reported by the invocation it serves first.</param>
    private async Task ReleaseAsync(
        ExecutionEnvironment? environment, bool invocation, bool holdsSlot, TimeSpan? initDuration = null)
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
                    first.Value.Assignment.SetResult(new Assignment.Environment(environment, initDuration));
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
            _lastCompletion = invocation ? _time.GetTimestamp() : _lastCompletion;
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

    private enum Admission
    {
        Wait,
        WaitAndStart,
        Throttle,
    }

    /// <summary>What a waiting invocation is given: a closed set.</summary>
    private abstract record Assignment
    {
        /// <summary>An environment; <paramref name="InitDuration"/> set when it was just started for the queue (a cold start).</summary>
        public sealed record Environment(ExecutionEnvironment Assigned, TimeSpan? InitDuration) : Assignment;

        /// <summary>The start made for the queue failed its init, and this invocation was first in the queue.</summary>
        public sealed record StartFailed(string Message) : Assignment;

        /// <summary>It needed a new environment, none was on its way, and every slot was taken.</summary>
        public sealed record Throttled : Assignment;
    }

    /// <summary>An invocation waiting for an environment; <see cref="Assignment"/> completes under the pool's lock.</summary>
    private sealed class Waiter(TimeSpan patience)
    {
        /// <summary>How long it waits before the pool reconsiders starting an environment: about a cold start.</summary>
        public TimeSpan Patience { get; set; } = patience;

        public TaskCompletionSource<Assignment> Assignment { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }

        /// <summary>An environment assigned just as the waiter gave up (shutdown); released with the invocation.</summary>
        public ExecutionEnvironment? Orphan { get; set; }
    }
}
