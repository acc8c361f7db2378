namespace Products.Local.Template;

/// <summary>A DynamoDB attribute definition: name and type (S, N or B).</summary>
internal sealed record AttributeDefinition(string AttributeName, string AttributeType);
