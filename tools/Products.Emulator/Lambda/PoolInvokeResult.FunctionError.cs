namespace Products.Local.Lambda;

internal abstract partial record PoolInvokeResult
{
    /// <summary>The function reported an error (<c>/invocation/{id}/error</c>); the environment stays warm.</summary>
    internal sealed record FunctionError(string ErrorType, string Body) : PoolInvokeResult;
}
