namespace Products.Emulator.Lambda;

public abstract partial record EnvironmentStart
{
    /// <summary>The function asked for its first event <paramref name="SpawnToReady"/> after its process was spawned.</summary>
    public sealed record Ready(ExecutionEnvironment Environment, TimeSpan SpawnToReady) : EnvironmentStart
    {
        /// <summary>SnapStart: from answering <c>restore/next</c> to the first <c>next</c> (after-restore hooks); else null.</summary>
        public TimeSpan? RestoreDuration { get; init; }
    }
}
