namespace Products.Emulator.Lambda;

public abstract partial record PrewarmResult
{
    /// <summary>The new environment's init failed; <paramref name="Message"/> includes the stderr tail.</summary>
    public sealed record Failed(string Message) : PrewarmResult;
}
