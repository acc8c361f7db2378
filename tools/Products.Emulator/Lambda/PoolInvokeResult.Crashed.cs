namespace Products.Local.Lambda;

internal abstract partial record PoolInvokeResult
{
    /// <summary>
    /// The function's process exited (or was stopped) before answering; the environment is gone and the next
    /// invocation gets a new one. <paramref name="Message"/> is Lambda's Runtime.ExitError wording.
    /// </summary>
    internal sealed record Crashed(string Message) : PoolInvokeResult;
}
