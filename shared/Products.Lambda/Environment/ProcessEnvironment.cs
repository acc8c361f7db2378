namespace Products.Lambda.Environment;

/// <summary>The real process environment.</summary>
public sealed class ProcessEnvironment : IEnvironmentReader
{
    /// <summary>The one instance; it holds no state.</summary>
    public static ProcessEnvironment Instance { get; } = new();

    private ProcessEnvironment()
    {
    }

    /// <inheritdoc />
    public string? Get(string name)
    {
        var value = System.Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
