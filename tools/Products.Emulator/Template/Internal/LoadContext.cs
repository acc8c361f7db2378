namespace Products.Emulator.Template.Internal;

/// <summary>What every resource reader needs while one template loads.</summary>
internal sealed record LoadContext(
    IntrinsicResolver Resolver,
    ResourceCatalog Catalog,
    IReadOnlyDictionary<string, TemplateResource> Resources,
    string TemplateDirectory)
{
    public string FullPath(string relative) => System.IO.Path.GetFullPath(System.IO.Path.Combine(TemplateDirectory, relative));

    /// <summary>Metadata.BuildMethod (e.g. "makefile"), as <c>sam build</c> reads it.</summary>
    public static string? BuildMethod(TemplateResource resource) =>
        resource.Definition["Metadata"] is TemplateMapping metadata && metadata["BuildMethod"] is TemplateScalar method
            ? method.Text
            : null;
}
