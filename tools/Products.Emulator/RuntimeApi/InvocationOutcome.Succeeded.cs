namespace Products.Emulator.RuntimeApi;

public abstract partial record InvocationOutcome
{
    /// <summary>The function posted <c>/runtime/invocation/{id}/response</c> with this payload.</summary>
    public sealed record Succeeded(ReadOnlyMemory<byte> Response) : InvocationOutcome
    {
        /// <summary>From the event leaving on <c>next</c> to the answer arriving: the function's share of the round trip.</summary>
        public TimeSpan InFunction { get; init; }
    }
}
