namespace Products.Local.Lambda;

internal abstract partial record PoolInvokeResult
{
    /// <summary>A new environment was needed and its init failed; <paramref name="Message"/> includes the stderr tail.</summary>
    internal sealed record InitFailed(string Message) : PoolInvokeResult;
}
