namespace Products.Emulator.Gateway;

internal abstract partial record InvokeResult
{
    /// <summary>
    /// The function returned <paramref name="Payload"/> (its response document). <paramref name="ColdStart"/> is true
    /// when a new execution environment ran its init phase first, which took <paramref name="InitDuration"/>.
    /// </summary>
    internal sealed record Success(ReadOnlyMemory<byte> Payload, bool ColdStart, TimeSpan? InitDuration) : InvokeResult;
}
