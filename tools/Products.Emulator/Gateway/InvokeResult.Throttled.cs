namespace Products.Emulator.Gateway;

internal abstract partial record InvokeResult
{
    /// <summary>Lambda refused the invocation: no execution environment could take it (concurrency exhausted).</summary>
    internal sealed record Throttled : InvokeResult;
}
