using System.Globalization;
using Products.Lambda.Environment;

namespace Products.Lambda.Parameters;

/// <summary>Settings of one <see cref="SsmParameterProvider"/>.</summary>
public sealed record ParameterProviderOptions
{
    /// <summary>Powertools Parameters' default cache max age.</summary>
    public static readonly TimeSpan PowertoolsDefaultMaxAge = TimeSpan.FromSeconds(5);

    /// <summary>How long a fetched value is served from memory when a call does not say otherwise.</summary>
    public TimeSpan DefaultMaxAge
    {
        get;
        init => field = value < TimeSpan.Zero
            ? throw new ArgumentOutOfRangeException(nameof(value), "DefaultMaxAge cannot be negative.")
            : value;
    } = PowertoolsDefaultMaxAge;

    /// <summary>The clock the cache ages values by.</summary>
    public TimeProvider TimeProvider
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(value));
    } = TimeProvider.System;

    /// <summary>
    /// Options from the environment: POWERTOOLS_PARAMETERS_MAX_AGE (whole seconds, 0 or more) when set, else 5 s.
    /// </summary>
    /// <exception cref="InvalidOperationException">The variable is set but is not a whole number of seconds.</exception>
    public static ParameterProviderOptions FromEnvironment(IEnvironmentReader environment, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var options = new ParameterProviderOptions { TimeProvider = timeProvider ?? TimeProvider.System };
        var raw = environment.Get(EnvironmentVariableNames.ParametersMaxAge);
        if (raw is null)
        {
            return options;
        }

        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariableNames.ParametersMaxAge} must be a whole number of seconds (0 or more), got '{raw}'.");
        }

        return options with { DefaultMaxAge = TimeSpan.FromSeconds(seconds) };
    }
}
