namespace Products.Emulator.Lambda;

/// <summary>
/// How one invocation of a function ended, as a closed set: <see cref="Succeeded"/>, <see cref="FunctionError"/>,
/// <see cref="Timeout"/>, <see cref="Throttled"/>, <see cref="ResponseTooLarge"/>, <see cref="Crashed"/>,
/// <see cref="InitFailed"/>. Only <see cref="Succeeded"/> carries a response for the caller.
/// </summary>
public abstract partial record PoolInvokeResult
{
    private PoolInvokeResult()
    {
    }
}
