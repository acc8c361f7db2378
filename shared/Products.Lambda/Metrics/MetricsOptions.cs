using Products.Lambda.Environment;
using Products.Lambda.Logging;

namespace Products.Lambda.Metrics;

/// <summary>Settings of a <see cref="MetricsRecorder"/>.</summary>
/// <param name="Namespace">CloudWatch namespace of every metric; required before any metric is added.</param>
/// <param name="Service">Value of the <c>service</c> dimension on every metric.</param>
public sealed record MetricsOptions(string Namespace, string Service)
{
    /// <summary>
    /// Reads the Powertools for AWS Lambda (.NET) Metrics variables: <c>POWERTOOLS_METRICS_NAMESPACE</c> (empty when
    /// unset: adding a metric then fails) and <c>POWERTOOLS_SERVICE_NAME</c> (default "service_undefined").
    /// </summary>
    public static MetricsOptions FromEnvironment(IEnvironmentReader environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new MetricsOptions(
            environment.Get(EnvironmentVariableNames.MetricsNamespace) ?? string.Empty,
            environment.Get(EnvironmentVariableNames.ServiceName) ?? LoggerOptions.UndefinedService);
    }
}
