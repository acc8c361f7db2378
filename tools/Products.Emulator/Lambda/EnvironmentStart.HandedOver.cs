namespace Products.Emulator.Lambda;

public abstract partial record EnvironmentStart
{
    /// <summary>
    /// No start at all: a busy environment of the pool finished its invocation and was handed to a waiting one, warm
    /// (no init duration, not a cold start). Only the pool's own acquisition returns it; a process start never does.
    /// </summary>
    internal sealed record HandedOver(ExecutionEnvironment Environment) : EnvironmentStart;
}
