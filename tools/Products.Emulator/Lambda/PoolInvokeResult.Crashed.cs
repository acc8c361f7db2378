namespace Products.Emulator.Lambda;

public abstract partial record PoolInvokeResult
{
    /// <summary>
    /// The function's process exited (or was stopped) before answering; the environment is gone and the next
    /// invocation gets a new one. <paramref name="Message"/> is Lambda's Runtime.ExitError wording.
    /// </summary>
    public sealed record Crashed(string Message) : PoolInvokeResult;
}
