namespace Products.Local.Lambda;

internal abstract partial record PoolInvokeResult
{
    /// <summary>
    /// Every environment the concurrency limit allows is busy: refused at once, as Lambda throttles
    /// (TooManyRequestsException, "Lambda function scaling").
    /// </summary>
    internal sealed record Throttled : PoolInvokeResult;
}
