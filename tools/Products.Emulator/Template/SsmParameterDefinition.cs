namespace Products.Emulator.Template;

/// <summary>An <c>AWS::SSM::Parameter</c> the local SSM endpoint serves: Type String or StringList.</summary>
public sealed record SsmParameterDefinition(string LogicalId, string Name, string Type, string Value, string? Description);
