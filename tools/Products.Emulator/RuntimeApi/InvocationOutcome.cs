namespace Products.Emulator.RuntimeApi;

/// <summary>
/// How one invocation ended, as a closed set: <see cref="Succeeded"/>, <see cref="FunctionError"/>,
/// <see cref="ResponseTooLarge"/>. A timeout is not an outcome: the caller cancels and decides.
/// </summary>
public abstract partial record InvocationOutcome
{
    private InvocationOutcome()
    {
    }
}
