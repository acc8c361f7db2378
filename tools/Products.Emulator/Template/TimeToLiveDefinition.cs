namespace Products.Emulator.Template;

/// <summary>TimeToLiveSpecification of a table.</summary>
public sealed record TimeToLiveDefinition(string AttributeName, bool Enabled);
