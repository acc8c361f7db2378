namespace Products.Emulator.RuntimeApi;

public abstract partial record InvocationOutcome
{
    /// <summary>
    /// The function posted <c>/runtime/invocation/{id}/error</c>. <paramref name="ErrorType"/> comes from the
    /// <c>Lambda-Runtime-Function-Error-Type</c> header (else the body's errorType); <paramref name="Body"/> is the
    /// error document as sent, or one built from the header when the function sent none.
    /// </summary>
    public sealed record FunctionError(string ErrorType, string Body) : InvocationOutcome;
}
