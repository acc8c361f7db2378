namespace Products.Emulator.Template;

/// <summary>An <c>AWS::Serverless::LayerVersion</c> built from this repository; Lambda extracts it under <c>/opt</c>.</summary>
public sealed record LayerDefinition(
    string LogicalId,
    string LayerName,
    string Arn,
    string ContentUri,
    string ContentPath,
    IReadOnlyList<string> CompatibleRuntimes,
    IReadOnlyList<string> CompatibleArchitectures,
    string? BuildMethod);
