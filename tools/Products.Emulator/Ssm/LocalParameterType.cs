namespace Products.Local.Ssm;

/// <summary>SSM parameter types (AWS Systems Manager API Reference, "Parameter" data type).</summary>
internal enum LocalParameterType
{
    String,
    StringList,
    SecureString,
}
