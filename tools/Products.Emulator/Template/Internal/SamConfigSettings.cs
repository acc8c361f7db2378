namespace Products.Emulator.Template.Internal;

/// <summary>What one samconfig.toml environment contributes to a local run.</summary>
internal sealed record SamConfigSettings(
    string Environment,
    string? StackName,
    string? Region,
    IReadOnlyDictionary<string, string> ParameterOverrides)
{
    public static SamConfigSettings None { get; } =
        new(string.Empty, null, null, new Dictionary<string, string>(StringComparer.Ordinal));
}
