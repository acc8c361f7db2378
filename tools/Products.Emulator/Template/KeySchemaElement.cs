namespace Products.Emulator.Template;

/// <summary>One key of a DynamoDB key schema: KeyType HASH or RANGE.</summary>
public sealed record KeySchemaElement(string AttributeName, string KeyType);
