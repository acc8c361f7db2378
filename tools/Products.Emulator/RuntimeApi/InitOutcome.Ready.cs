namespace Products.Local.RuntimeApi;

internal abstract partial record InitOutcome
{
    /// <summary>The function asked for its first event (<c>GET /runtime/invocation/next</c>) at <paramref name="At"/>.</summary>
    internal sealed record Ready(DateTimeOffset At) : InitOutcome;
}
