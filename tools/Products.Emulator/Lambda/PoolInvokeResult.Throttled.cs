namespace Products.Emulator.Lambda;

public abstract partial record PoolInvokeResult
{
    /// <summary>
    /// Every environment the concurrency limit allows is busy: refused at once, as Lambda throttles
    /// (TooManyRequestsException, "Lambda function scaling").
    /// </summary>
    public sealed record Throttled : PoolInvokeResult;
}
