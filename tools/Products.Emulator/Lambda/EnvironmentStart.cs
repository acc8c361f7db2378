namespace Products.Local.Lambda;

/// <summary>How starting an execution environment ended: a closed set (<see cref="Ready"/>, <see cref="Failed"/>).</summary>
internal abstract partial record EnvironmentStart
{
    private EnvironmentStart()
    {
    }
}
