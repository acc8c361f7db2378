namespace Products.Emulator.Gateway;

internal abstract partial record InvokeResult
{
    /// <summary>The function ran past its own configured Timeout; Lambda ends it and reports "Task timed out".</summary>
    internal sealed record Timeout : InvokeResult;
}
