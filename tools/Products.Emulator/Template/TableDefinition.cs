namespace Products.Emulator.Template;

/// <summary>
/// An <c>AWS::DynamoDB::Table</c> as the emulator
/// creates it. <see cref="BillingMode"/> defaults to PROVISIONED, as in CloudFormation.
/// </summary>
/// <param name="StreamViewType">StreamSpecification.StreamViewType, when the table has a stream.</param>
public sealed record TableDefinition(
    string LogicalId,
    string TableName,
    string TableArn,
    IReadOnlyList<AttributeDefinition> AttributeDefinitions,
    IReadOnlyList<KeySchemaElement> KeySchema,
    IReadOnlyList<SecondaryIndexDefinition> GlobalSecondaryIndexes,
    IReadOnlyList<SecondaryIndexDefinition> LocalSecondaryIndexes,
    string BillingMode,
    ProvisionedThroughputDefinition? ProvisionedThroughput,
    TimeToLiveDefinition? TimeToLive,
    string? StreamViewType,
    TemplateMapping Properties);
