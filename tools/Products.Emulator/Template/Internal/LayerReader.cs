namespace Products.Emulator.Template.Internal;

/// <summary>Reads <c>AWS::Serverless::LayerVersion</c> ("AWS::Serverless::LayerVersion", AWS SAM Developer Guide).</summary>
internal static class LayerReader
{
    public static LayerDefinition Read(TemplateResource resource, LoadContext context)
    {
        var path = $"{resource.Path}.Properties";
        var properties = context.Resolver.ResolveMapping(resource.Properties, path);
        var contentUri = properties["ContentUri"] is TemplateScalar { Kind: ScalarKind.String } content
            && !content.Text.StartsWith("s3://", StringComparison.OrdinalIgnoreCase)
                ? content.Text
                : throw new TemplateException($"{path}.ContentUri", "must be a local folder: the local emulator cannot mount a layer from S3");
        var name = context.Catalog.PhysicalName(resource, context.Resolver);
        return new LayerDefinition(
            resource.LogicalId,
            name,
            context.Catalog.LayerArn(name),
            contentUri,
            context.FullPath(contentUri),
            ValueReader.OptionalStringList(properties, "CompatibleRuntimes", path),
            ValueReader.OptionalStringList(properties, "CompatibleArchitectures", path),
            LoadContext.BuildMethod(resource));
    }
}
