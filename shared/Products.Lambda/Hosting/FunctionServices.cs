using Products.Lambda.AwsClients;
using Products.Lambda.Environment;
using Products.Lambda.Logging;
using Products.Lambda.Metrics;
using Products.Lambda.Runtime;

namespace Products.Lambda.Hosting;

/// <summary>What every function gets once per process, to build its handler from.</summary>
/// <param name="Environment">The function's environment variables.</param>
/// <param name="Logger">Powertools-compatible JSON logger writing to stdout.</param>
/// <param name="Metrics">CloudWatch EMF metrics, flushed after every invocation.</param>
/// <param name="Time">The clock.</param>
/// <param name="Aws">Credentials and HTTP transport for the function's AWS SDK clients, renewed after a SnapStart restore.</param>
public sealed record FunctionServices(
    IEnvironmentReader Environment,
    StructuredLogger Logger,
    MetricsRecorder Metrics,
    TimeProvider Time,
    AwsClientSupport Aws)
{
    // Priming is a few requests; past this the snapshot is better taken unprimed than held up.
    private static readonly TimeSpan PrimingLimit = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The value of a variable the function cannot run without. Throwing here, during init, makes the runtime report an
    /// init error naming the variable instead of failing on the first request.
    /// </summary>
    /// <exception cref="InvalidOperationException">The variable is unset or empty.</exception>
    public string Require(string variableName) =>
        Environment.Get(variableName)
        ?? throw new InvalidOperationException($"The environment variable {variableName} must be set.");

    /// <summary>
    /// Runs <paramref name="prime"/> (requests along the function's data path) before a SnapStart snapshot, so that
    /// restored environments start with that path compiled and its clients set up: AWS's "priming" for SnapStart
    /// ("Maximize Lambda SnapStart performance"). Best effort: a failure is logged and the snapshot is taken unprimed.
    /// Outside SnapStart nothing runs.
    /// </summary>
    /// <param name="what">Names the priming in the logs.</param>
    /// <param name="prime">Must not change data: reads only.</param>
    public void PrimeBeforeSnapshot(string what, Func<CancellationToken, Task> prime)
    {
        ArgumentNullException.ThrowIfNull(prime);
        SnapshotRestore.RegisterBeforeSnapshot(async () =>
        {
            using var limit = new CancellationTokenSource(PrimingLimit);
            try
            {
                await prime(limit.Token);
                Logger.Debug("Primed before the snapshot", LogField.Of("priming", what));
            }
#pragma warning disable CA1031 // Best effort by design: an unprimed snapshot still works, a failed one does not deploy.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Logger.Warn("Priming failed; the snapshot is taken unprimed", exception, LogField.Of("priming", what));
            }
        });
    }
}
