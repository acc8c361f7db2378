namespace Products.Lambda.Environment;

/// <summary>An environment made of given values: for tests and for tools that launch functions.</summary>
public sealed class DictionaryEnvironment(IReadOnlyDictionary<string, string> values) : IEnvironmentReader
{
    /// <inheritdoc />
    public string? Get(string name) =>
        values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
