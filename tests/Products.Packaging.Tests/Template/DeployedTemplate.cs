using Products.Emulator.Template;
using Products.Testing;

namespace Products.Packaging.Tests.Template;

// The repository's template.yaml as CloudFormation would create it for one stage, resolved by the local loader.
internal static class DeployedTemplate
{
    public static readonly string[] Stages = ["dev", "staging", "prod"];

    public static string TemplatePath => Path.Combine(RepositoryRoot.Path, "template.yaml");

    public static LocalTemplate Load(string stage) =>
        TemplateLoader.Load(TemplatePath, new TemplateLoadOptions { Stage = stage });

    /// <summary>The stage with parameters given on top of samconfig's, as <c>sam deploy --parameter-overrides</c> would.</summary>
    public static LocalTemplate Load(string stage, IReadOnlyDictionary<string, string> overrides) =>
        TemplateLoader.Load(TemplatePath, new TemplateLoadOptions { Stage = stage, ParameterOverrides = overrides });
}
