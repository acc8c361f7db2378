namespace Products.Local.Template;

/// <summary>One key of a DynamoDB key schema: KeyType HASH or RANGE.</summary>
internal sealed record KeySchemaElement(string AttributeName, string KeyType);
