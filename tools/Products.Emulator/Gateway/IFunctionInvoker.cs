namespace Products.Emulator.Gateway;

/// <summary>
/// The gateway's seam to Lambda: invoke a function synchronously (RequestResponse) with an event and get its
/// outcome. The token is cancelled when the gateway's integration timeout passes; implementations should stop
/// waiting then, but the gateway does not rely on it.
/// </summary>
internal interface IFunctionInvoker
{
    Task<InvokeResult> InvokeAsync(string functionLogicalId, ReadOnlyMemory<byte> eventJson, CancellationToken cancellationToken);
}
