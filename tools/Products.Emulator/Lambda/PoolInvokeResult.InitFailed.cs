namespace Products.Emulator.Lambda;

public abstract partial record PoolInvokeResult
{
    /// <summary>A new environment was needed and its init failed; <paramref name="Message"/> includes the stderr tail.</summary>
    public sealed record InitFailed(string Message) : PoolInvokeResult;
}
