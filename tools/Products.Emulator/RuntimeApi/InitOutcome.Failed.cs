namespace Products.Emulator.RuntimeApi;

public abstract partial record InitOutcome
{
    /// <summary>The function posted <c>/runtime/init/error</c>; it is expected to exit.</summary>
    public sealed record Failed(string ErrorType, string ErrorMessage) : InitOutcome;
}
