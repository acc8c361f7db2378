namespace Products.Emulator.Lambda;

public abstract partial record PrewarmResult
{
    /// <summary>An environment is ready; <paramref name="InitDuration"/> is null when one already existed.</summary>
    public sealed record Warm(TimeSpan? InitDuration) : PrewarmResult;
}
