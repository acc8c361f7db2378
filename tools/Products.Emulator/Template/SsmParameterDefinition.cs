namespace Products.Local.Template;

/// <summary>An <c>AWS::SSM::Parameter</c> the local SSM endpoint serves: Type String or StringList.</summary>
internal sealed record SsmParameterDefinition(string LogicalId, string Name, string Type, string Value, string? Description);
