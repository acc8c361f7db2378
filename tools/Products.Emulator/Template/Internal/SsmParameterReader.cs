namespace Products.Emulator.Template.Internal;

/// <summary>Reads <c>AWS::SSM::Parameter</c> ("AWS::SSM::Parameter", AWS CloudFormation User Guide).</summary>
internal static class SsmParameterReader
{
    public static SsmParameterDefinition Read(TemplateResource resource, LoadContext context)
    {
        var path = $"{resource.Path}.Properties";
        var properties = context.Resolver.ResolveMapping(resource.Properties, path);
        var type = ValueReader.RequiredString(properties, "Type", path);
        if (type is not ("String" or "StringList"))
        {
            // CloudFormation cannot create SecureString parameters; a template asking for one would fail to deploy.
            throw new TemplateException($"{path}.Type", $"'{type}' is not String or StringList (CloudFormation cannot create SecureString)");
        }

        return new SsmParameterDefinition(
            resource.LogicalId,
            context.Catalog.PhysicalName(resource, context.Resolver),
            type,
            ValueReader.RequiredString(properties, "Value", path),
            ValueReader.OptionalString(properties, "Description", path));
    }
}
