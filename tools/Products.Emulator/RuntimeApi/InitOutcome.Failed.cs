namespace Products.Local.RuntimeApi;

internal abstract partial record InitOutcome
{
    /// <summary>The function posted <c>/runtime/init/error</c>; it is expected to exit.</summary>
    internal sealed record Failed(string ErrorType, string ErrorMessage) : InitOutcome;
}
