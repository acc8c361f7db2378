namespace Products.Emulator.Lambda;

public abstract partial record PoolInvokeResult
{
    /// <summary>The function reported an error (<c>/invocation/{id}/error</c>); the environment stays warm.</summary>
    public sealed record FunctionError(string ErrorType, string Body) : PoolInvokeResult;
}
