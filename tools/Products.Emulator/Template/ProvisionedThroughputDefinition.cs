namespace Products.Local.Template;

/// <summary>Read and write capacity units of a PROVISIONED table or index.</summary>
internal sealed record ProvisionedThroughputDefinition(long ReadCapacityUnits, long WriteCapacityUnits);
