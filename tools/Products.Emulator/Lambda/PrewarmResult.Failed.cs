namespace Products.Local.Lambda;

internal abstract partial record PrewarmResult
{
    /// <summary>The new environment's init failed; <paramref name="Message"/> includes the stderr tail.</summary>
    internal sealed record Failed(string Message) : PrewarmResult;
}
