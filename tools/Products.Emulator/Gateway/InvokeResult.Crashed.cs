namespace Products.Emulator.Gateway;

internal abstract partial record InvokeResult
{
    /// <summary>The execution environment died during the invocation (process exit, failed init).</summary>
    internal sealed record Crashed : InvokeResult;
}
