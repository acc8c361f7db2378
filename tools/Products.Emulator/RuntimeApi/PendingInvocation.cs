namespace Products.Emulator.RuntimeApi;

/// <summary>
/// One invocation between <see cref="RuntimeApiServer.InvokeAsync"/> and the function's answer. Its flags are only
/// read and written under the server's lock.
/// </summary>
internal sealed class PendingInvocation(ReadOnlyMemory<byte> payload, InvocationSettings settings)
{
    public ReadOnlyMemory<byte> Payload { get; } = payload;

    public InvocationSettings Settings { get; } = settings;

    /// <summary>Completes once; continuations run off the HTTP request that completed it.</summary>
    public TaskCompletionSource<InvocationOutcome> Outcome { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A <c>next</c> call has handed the event to the function: an answer for it is now legal.</summary>
    public bool Delivered { get; set; }

    /// <summary>Stopwatch timestamp of the hand-over to the function; with the answer's arrival it gives the time spent in the function.</summary>
    public long DeliveredAt { get; set; }

    /// <summary>Answered, cancelled by the caller or abandoned: any later answer is refused.</summary>
    public bool Closed { get; set; }
}
