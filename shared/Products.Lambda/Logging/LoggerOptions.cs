using System.Globalization;
using Products.Lambda.Environment;

namespace Products.Lambda.Logging;

/// <summary>Settings of a <see cref="StructuredLogger"/>.</summary>
/// <param name="Service">Value of the <c>service</c> key on every line.</param>
/// <param name="MinimumLevel">Lines below this level are dropped (unless the invocation is sampled).</param>
/// <param name="SampleRate">Share of invocations (0..1) logged at <see cref="LogLevel.Debug"/>; 0 disables sampling.</param>
/// <param name="LogEvent">Whether <see cref="StructuredLogger.LogEvent"/> writes the (redacted) incoming event.</param>
public sealed record LoggerOptions(string Service, LogLevel MinimumLevel, double SampleRate, bool LogEvent)
{
    /// <summary>The service name Powertools uses when none is configured.</summary>
    public const string UndefinedService = "service_undefined";

    /// <summary>
    /// Reads the Powertools for AWS Lambda (.NET) Logging variables. The minimum level follows Powertools' documented
    /// priority: <c>AWS_LAMBDA_LOG_LEVEL</c> (Lambda advanced logging controls) first, then <c>POWERTOOLS_LOG_LEVEL</c>,
    /// then Information. Invalid values fall back to the defaults rather than failing the cold start.
    /// </summary>
    public static LoggerOptions FromEnvironment(IEnvironmentReader environment)
    {
        ArgumentNullException.ThrowIfNull(environment);

        var level = LogLevelNames.TryParse(environment.Get(EnvironmentVariableNames.LambdaLogLevel), out var lambdaLevel)
            ? lambdaLevel
            : LogLevelNames.TryParse(environment.Get(EnvironmentVariableNames.PowertoolsLogLevel), out var powertoolsLevel)
                ? powertoolsLevel
                : LogLevel.Information;

        return new LoggerOptions(
            environment.Get(EnvironmentVariableNames.ServiceName) ?? UndefinedService,
            level,
            ParseSampleRate(environment.Get(EnvironmentVariableNames.LoggerSampleRate)),
            bool.TryParse(environment.Get(EnvironmentVariableNames.LoggerLogEvent), out var logEvent) && logEvent);
    }

    /// <summary>A rate Powertools accepts: a number in 0..1. Anything else means "no sampling" (0), as in Powertools.</summary>
    internal static double SanitizeSampleRate(double rate) => rate is >= 0 and <= 1 ? rate : 0;

    private static double ParseSampleRate(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate)
            ? SanitizeSampleRate(rate)
            : 0;
}
