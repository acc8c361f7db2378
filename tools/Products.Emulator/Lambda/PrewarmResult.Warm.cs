namespace Products.Local.Lambda;

internal abstract partial record PrewarmResult
{
    /// <summary>An environment is ready; <paramref name="InitDuration"/> is null when one already existed.</summary>
    internal sealed record Warm(TimeSpan? InitDuration) : PrewarmResult;
}
