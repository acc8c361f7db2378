namespace Products.Emulator.Template;

/// <summary>Read and write capacity units of a PROVISIONED table or index.</summary>
public sealed record ProvisionedThroughputDefinition(long ReadCapacityUnits, long WriteCapacityUnits);
