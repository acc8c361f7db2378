namespace Products.Lambda.Runtime;

/// <summary>
/// The calls a runtime makes to the AWS Lambda Runtime API, 2018-06-01 ("Using the Lambda runtime API for custom
/// runtimes"). Non-success answers throw <see cref="RuntimeApiException"/>.
/// </summary>
public interface IRuntimeApiClient
{
    /// <summary><c>GET /runtime/invocation/next</c>: waits, without a timeout, for the next event.</summary>
    Task<InvocationRequest> GetNextInvocationAsync(CancellationToken cancellationToken);

    /// <summary><c>POST /runtime/invocation/{requestId}/response</c> with the handler's result.</summary>
    Task SendResponseAsync(string requestId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken);

    /// <summary><c>POST /runtime/invocation/{requestId}/error</c> when the handler failed.</summary>
    Task SendErrorAsync(string requestId, LambdaError lambdaError, CancellationToken cancellationToken);

    /// <summary><c>POST /runtime/init/error</c> when initialization failed; the runtime must exit afterwards.</summary>
    Task SendInitErrorAsync(LambdaError lambdaError, CancellationToken cancellationToken);

    /// <summary>
    /// <c>GET /runtime/restore/next</c> (SnapStart only): tells Lambda the environment is ready to be snapshotted and
    /// returns once it has been restored from the snapshot.
    /// </summary>
    Task RestoreNextAsync(CancellationToken cancellationToken);

    /// <summary><c>POST /runtime/restore/error</c> (SnapStart only) when an after-restore hook failed; the runtime must exit.</summary>
    Task SendRestoreErrorAsync(LambdaError lambdaError, CancellationToken cancellationToken);
}
