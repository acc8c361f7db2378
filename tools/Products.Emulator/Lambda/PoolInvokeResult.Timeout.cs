namespace Products.Local.Lambda;

internal abstract partial record PoolInvokeResult
{
    /// <summary>No answer within the function's timeout; its process was killed, as Lambda resets the environment.</summary>
    internal sealed record Timeout(TimeSpan Limit) : PoolInvokeResult;
}
