namespace Products.Local.RuntimeApi;

internal abstract partial record InvocationOutcome
{
    /// <summary>The function posted <c>/runtime/invocation/{id}/response</c> with this payload.</summary>
    internal sealed record Succeeded(ReadOnlyMemory<byte> Response) : InvocationOutcome;
}
