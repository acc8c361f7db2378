namespace Products.Local.Lambda;

internal abstract partial record EnvironmentStart
{
    /// <summary>Init failed; the process is already stopped. <paramref name="Message"/> says why, with the stderr tail.</summary>
    internal sealed record Failed(string Message) : EnvironmentStart;
}
