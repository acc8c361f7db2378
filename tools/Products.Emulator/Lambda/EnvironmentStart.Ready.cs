namespace Products.Emulator.Lambda;

public abstract partial record EnvironmentStart
{
    /// <summary>The function asked for its first event <paramref name="SpawnToReady"/> after its process was spawned.</summary>
    public sealed record Ready(ExecutionEnvironment Environment, TimeSpan SpawnToReady) : EnvironmentStart;
}
