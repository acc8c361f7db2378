namespace Products.Local.Lambda;

internal abstract partial record PoolInvokeResult
{
    /// <summary>The response exceeded Lambda's 6 MB synchronous limit; the function was answered 413.</summary>
    internal sealed record ResponseTooLarge : PoolInvokeResult;
}
