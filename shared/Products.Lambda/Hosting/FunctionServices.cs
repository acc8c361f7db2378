using Products.Lambda.AwsClients;
using Products.Lambda.Environment;
using Products.Lambda.Logging;
using Products.Lambda.Metrics;

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
    // Priming is a few requests; past this the function is better started unprimed than held up.
    private static readonly TimeSpan PrimingLimit = TimeSpan.FromSeconds(10);

    private readonly List<(string What, Func<CancellationToken, Task> Prime)> _primings = [];

    /// <summary>
    /// The value of a variable the function cannot run without. Throwing here, during init, makes the runtime report an
    /// init error naming the variable instead of failing on the first request.
    /// </summary>
    /// <exception cref="InvalidOperationException">The variable is unset or empty.</exception>
    public string Require(string variableName) =>
        Environment.Get(variableName)
        ?? throw new InvalidOperationException($"The environment variable {variableName} must be set.");

    /// <summary>
    /// Registers <paramref name="prime"/>: requests along the function's data path that compile it and set up its
    /// clients ahead of the first request. It runs before a SnapStart snapshot (AWS's "priming" for SnapStart,
    /// "Maximize Lambda SnapStart performance"), and in init for other environments when PRODUCTS_PRIME_IN_INIT is
    /// true (Lambda gives init unthrottled CPU, the first invocation only the function's share). Best effort: a failure
    /// is logged and the function starts unprimed.
    /// </summary>
    /// <param name="what">Names the priming in the logs.</param>
    /// <param name="prime">Must not change data: reads only.</param>
    public void Prime(string what, Func<CancellationToken, Task> prime)
    {
        ArgumentNullException.ThrowIfNull(prime);
        _primings.Add((what, prime));
    }

    /// <summary>Runs the registered primings one after another; never throws.</summary>
    internal async Task RunPrimingAsync(string when)
    {
        foreach (var (what, prime) in _primings)
        {
            using var limit = new CancellationTokenSource(PrimingLimit);
            try
            {
                await prime(limit.Token);
                Logger.Debug("Primed", LogField.Of("priming", what), LogField.Of("when", when));
            }
#pragma warning disable CA1031 // Best effort by design: an unprimed function still works, a failed init or snapshot does not.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Logger.Warn("Priming failed; the function starts unprimed", exception, LogField.Of("priming", what), LogField.Of("when", when));
            }
        }
    }
}
