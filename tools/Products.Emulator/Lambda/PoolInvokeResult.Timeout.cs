namespace Products.Emulator.Lambda;

public abstract partial record PoolInvokeResult
{
    /// <summary>No answer within the function's timeout; its process was killed, as Lambda resets the environment.</summary>
    public sealed record Timeout(TimeSpan Limit) : PoolInvokeResult;
}
