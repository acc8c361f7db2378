namespace Products.Emulator.Gateway;

internal abstract partial record InvokeResult
{
    /// <summary>The function's response exceeded Lambda's 6 MB synchronous response quota ("Lambda quotas").</summary>
    internal sealed record ResponseTooLarge : InvokeResult;
}
