namespace Products.Bench;

/// <summary>One warm invocation as the emulator's caller sees it, and the part of it spent in the function.</summary>
public readonly record struct WarmSample(double LatencyMs, double InFunctionMs)
{
    /// <summary>The emulator's own time: the round trip minus the function's share.</summary>
    public double OverheadMs => Math.Max(0, LatencyMs - InFunctionMs);
}
