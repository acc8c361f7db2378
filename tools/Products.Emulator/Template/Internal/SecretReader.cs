namespace Products.Emulator.Template.Internal;

/// <summary>Reads <c>AWS::SecretsManager::Secret</c> ("AWS::SecretsManager::Secret", AWS CloudFormation User Guide).</summary>
internal static class SecretReader
{
    public static SecretDefinition Read(TemplateResource resource, LoadContext context)
    {
        var path = $"{resource.Path}.Properties";
        var properties = context.Resolver.ResolveMapping(resource.Properties, path);
        var secretString = ValueReader.OptionalString(properties, "SecretString", path);
        var generate = ValueReader.OptionalMapping(properties, "GenerateSecretString", path);
        if (secretString is not null && generate is not null)
        {
            throw new TemplateException(path, "give SecretString or GenerateSecretString, not both");
        }

        var name = context.Catalog.PhysicalName(resource, context.Resolver);
        return new SecretDefinition(
            resource.LogicalId,
            name,
            context.Catalog.SecretArn(name),
            secretString,
            generate,
            ValueReader.OptionalString(properties, "Description", path));
    }
}
