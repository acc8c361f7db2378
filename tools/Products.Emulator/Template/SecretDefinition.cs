namespace Products.Emulator.Template;

/// <summary>
/// An <c>AWS::SecretsManager::Secret</c>. Either <see cref="SecretString"/> is set, or <see cref="GenerateSecretString"/>
/// (the resolved generation options) asks the emulator to make a value, or neither (the value comes from the local
/// secrets file).
/// </summary>
public sealed record SecretDefinition(
    string LogicalId,
    string Name,
    string Arn,
    string? SecretString,
    TemplateMapping? GenerateSecretString,
    string? Description)
{
    public bool GeneratesSecretString => GenerateSecretString is not null;
}
