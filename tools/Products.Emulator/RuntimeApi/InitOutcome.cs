namespace Products.Emulator.RuntimeApi;

/// <summary>How the function's initialization ended: a closed set (<see cref="Ready"/>, <see cref="Failed"/>).</summary>
public abstract partial record InitOutcome
{
    private InitOutcome()
    {
    }
}
