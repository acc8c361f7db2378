namespace Products.Emulator.RuntimeApi;

public abstract partial record InitOutcome
{
    /// <summary>The function asked for its first event (<c>GET /runtime/invocation/next</c>) at <paramref name="At"/>.</summary>
    public sealed record Ready(DateTimeOffset At) : InitOutcome;
}
