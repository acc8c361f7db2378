namespace Products.Emulator.Lambda;

public abstract partial record EnvironmentStart
{
    /// <summary>Init failed; the process is already stopped. <paramref name="Message"/> says why, with the stderr tail.</summary>
    public sealed record Failed(string Message) : EnvironmentStart;
}
