namespace Products.Emulator.Lambda;

public abstract partial record PoolInvokeResult
{
    /// <summary>The response exceeded Lambda's 6 MB synchronous limit; the function was answered 413.</summary>
    public sealed record ResponseTooLarge : PoolInvokeResult;
}
