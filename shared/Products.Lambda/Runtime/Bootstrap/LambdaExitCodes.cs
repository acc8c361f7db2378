namespace Products.Lambda.Runtime;

/// <summary>Process exit codes returned by <see cref="LambdaBootstrap.RunAsync"/>.</summary>
public static class LambdaExitCodes
{
    /// <summary>Stopped on request.</summary>
    public const int Stopped = 0;

    /// <summary>Initialization failed, or the Runtime API failed or went away: Lambda replaces the environment.</summary>
    public const int Failed = 1;

    /// <summary>The Lambda environment variables are missing or invalid: the process is not running in Lambda.</summary>
    public const int Misconfigured = 2;
}
