namespace Products.Emulator.Lambda;

public abstract partial record PoolInvokeResult
{
    /// <summary>
    /// The function's response. <paramref name="ColdStart"/>: a new environment was started for it, which took
    /// <paramref name="InitDuration"/> (spawn to first <c>next</c>); <paramref name="Duration"/> is the invoke phase.
    /// </summary>
    public sealed record Succeeded(
        ReadOnlyMemory<byte> Response, bool ColdStart, TimeSpan? InitDuration, TimeSpan Duration) : PoolInvokeResult
    {
        /// <summary>The part of <see cref="Duration"/> spent in the function (event handed over → answer received); the rest is the emulator's.</summary>
        public TimeSpan InFunction { get; init; }
    }
}
