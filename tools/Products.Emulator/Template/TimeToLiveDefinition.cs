namespace Products.Local.Template;

/// <summary>TimeToLiveSpecification of a table.</summary>
internal sealed record TimeToLiveDefinition(string AttributeName, bool Enabled);
