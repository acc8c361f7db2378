namespace Products.Emulator.Template;

/// <summary>A global or local secondary index: its keys and projection (ProjectionType ALL, KEYS_ONLY or INCLUDE).</summary>
public sealed record SecondaryIndexDefinition(
    string IndexName,
    IReadOnlyList<KeySchemaElement> KeySchema,
    string ProjectionType,
    IReadOnlyList<string> NonKeyAttributes,
    ProvisionedThroughputDefinition? ProvisionedThroughput);
