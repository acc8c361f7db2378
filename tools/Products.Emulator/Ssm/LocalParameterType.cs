namespace Products.Emulator.Ssm;

/// <summary>SSM parameter types (AWS Systems Manager API Reference, "Parameter" data type).</summary>
public enum LocalParameterType
{
    String,
    StringList,
    SecureString,
}
