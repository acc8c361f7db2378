namespace Products.Emulator.Template;

/// <summary>How to load a template. Precedence: these values, then samconfig.toml, then the template's defaults.</summary>
public sealed record TemplateLoadOptions
{
    /// <summary>
    /// Parameter values, e.g. from <see cref="Template.ParameterOverrides.Parse(string, string)"/>. They win over
    /// samconfig's parameter_overrides key by key (SAM CLI would replace the whole samconfig string): a local run usually
    /// tweaks one value of a stage, not all of them.
    /// </summary>
    public IReadOnlyDictionary<string, string> ParameterOverrides { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>samconfig.toml environment (dev, staging, prod). Null: the "default" environment when the file has one.</summary>
    public string? Stage { get; init; }

    /// <summary>Null: samconfig.toml beside the template, when it exists.</summary>
    public string? SamConfigPath { get; init; }

    /// <summary>Null: samconfig's region, else us-east-1.</summary>
    public string? Region { get; init; }

    /// <summary>Null: samconfig's stack_name, else "local".</summary>
    public string? StackName { get; init; }
}
