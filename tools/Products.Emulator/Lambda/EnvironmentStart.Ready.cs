namespace Products.Local.Lambda;

internal abstract partial record EnvironmentStart
{
    /// <summary>The function asked for its first event <paramref name="SpawnToReady"/> after its process was spawned.</summary>
    internal sealed record Ready(ExecutionEnvironment Environment, TimeSpan SpawnToReady) : EnvironmentStart;
}
