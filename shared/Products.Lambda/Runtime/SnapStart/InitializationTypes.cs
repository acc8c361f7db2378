namespace Products.Lambda.Runtime;

/// <summary>
/// Values of AWS_LAMBDA_INITIALIZATION_TYPE ("Defined runtime environment variables", AWS Lambda Developer Guide).
/// </summary>
public static class InitializationTypes
{
    /// <summary>An environment started for a request (the default).</summary>
    public const string OnDemand = "on-demand";

    /// <summary>An environment started ahead of requests for provisioned concurrency.</summary>
    public const string ProvisionedConcurrency = "provisioned-concurrency";

    /// <summary>
    /// An environment initialized to be snapshotted: the runtime runs the before-snapshot hooks, waits on
    /// <c>/runtime/restore/next</c>, runs the after-restore hooks, then asks for invocations
    /// ("Implementing SnapStart hooks for container images", AWS Lambda Developer Guide).
    /// </summary>
    public const string SnapStart = "snap-start";
}
