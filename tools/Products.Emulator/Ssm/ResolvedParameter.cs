namespace Products.Emulator.Ssm;

/// <summary>A parameter as one response shows it (the API Reference "Parameter" data type).</summary>
internal sealed record ResolvedParameter(
    string Name,
    string Type,
    string Value,
    long? Version,
    DateTimeOffset LastModified,
    string Arn,
    string? Selector,
    string? SourceResult);
