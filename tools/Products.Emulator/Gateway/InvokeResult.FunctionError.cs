namespace Products.Emulator.Gateway;

internal abstract partial record InvokeResult
{
    /// <summary>The function reported an error (Runtime API <c>/error</c>); <paramref name="ErrorType"/> as it reported it.</summary>
    internal sealed record FunctionError(string ErrorType) : InvokeResult;
}
