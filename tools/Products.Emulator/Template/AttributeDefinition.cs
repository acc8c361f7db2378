namespace Products.Emulator.Template;

/// <summary>A DynamoDB attribute definition: name and type (S, N or B).</summary>
public sealed record AttributeDefinition(string AttributeName, string AttributeType);
