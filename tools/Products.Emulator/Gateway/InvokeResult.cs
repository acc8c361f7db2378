namespace Products.Emulator.Gateway;

/// <summary>
/// How a Lambda invocation ended, as a closed set: <see cref="Success"/>, <see cref="FunctionError"/>,
/// <see cref="Timeout"/>, <see cref="Throttled"/>, <see cref="ResponseTooLarge"/>, <see cref="Crashed"/>.
/// The gateway's own 30-second integration timeout is not a result: the gateway stops waiting and decides.
/// </summary>
internal abstract partial record InvokeResult
{
    private InvokeResult()
    {
    }
}
