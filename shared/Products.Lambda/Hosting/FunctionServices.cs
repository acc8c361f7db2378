using Products.Lambda.Environment;
using Products.Lambda.Logging;
using Products.Lambda.Metrics;

namespace Products.Lambda.Hosting;

/// <summary>What every function gets once per process, to build its handler from.</summary>
/// <param name="Environment">The function's environment variables.</param>
/// <param name="Logger">Powertools-compatible JSON logger writing to stdout.</param>
/// <param name="Metrics">CloudWatch EMF metrics, flushed after every invocation.</param>
/// <param name="Time">The clock.</param>
public sealed record FunctionServices(
    IEnvironmentReader Environment,
    StructuredLogger Logger,
    MetricsRecorder Metrics,
    TimeProvider Time)
{
    /// <summary>
    /// The value of a variable the function cannot run without. Throwing here, during init, makes the runtime report an
    /// init error naming the variable instead of failing on the first request.
    /// </summary>
    /// <exception cref="InvalidOperationException">The variable is unset or empty.</exception>
    public string Require(string variableName) =>
        Environment.Get(variableName)
        ?? throw new InvalidOperationException($"The environment variable {variableName} must be set.");
}
