namespace Products.Emulator.RuntimeApi;

public abstract partial record InvocationOutcome
{
    /// <summary>
    /// The function's response (or error document) exceeded <see cref="RuntimeApiLimits.MaxResponseBytes"/>; the
    /// function was answered 413, as Lambda does.
    /// </summary>
    public sealed record ResponseTooLarge : InvocationOutcome;
}
