namespace Products.Emulator.Lambda;

/// <summary>How starting an execution environment ended: a closed set (<see cref="Ready"/>, <see cref="Failed"/>).</summary>
public abstract partial record EnvironmentStart
{
    private EnvironmentStart()
    {
    }
}
