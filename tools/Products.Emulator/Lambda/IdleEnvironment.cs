namespace Products.Emulator.Lambda;

/// <summary>A warm environment waiting in a pool, and since when (a <see cref="TimeProvider"/> timestamp).</summary>
internal sealed record IdleEnvironment(ExecutionEnvironment Environment, long IdleSince);
