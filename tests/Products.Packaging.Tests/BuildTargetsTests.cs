using Products.Package;
using YamlDotNet.RepresentationModel;
using Products.Tooling;

namespace Products.Packaging.Tests;

public sealed class BuildTargetsTests
{
    private static readonly string Root = RepositoryLayout.FindRoot(AppContext.BaseDirectory);

    [Fact]
    public void Discover_Checkout_FindsTheLayerFirstThenEachFunction()
    {
        var targets = BuildTargets.Discover(Root);

        Assert.Equal(BuildTargetKind.Layer, targets[0].Kind);
        Assert.Contains(targets, t => t is { LogicalId: "ProductsSharedLayer", Kind: BuildTargetKind.Layer });
        Assert.Contains(targets, t => t is { LogicalId: "ListProductsFunction", Kind: BuildTargetKind.Function });
        Assert.Contains(targets, t => t is { LogicalId: "CreateProductFunction", Kind: BuildTargetKind.Function });
        Assert.Contains(targets, t => t is { LogicalId: "GetProductFunction", Kind: BuildTargetKind.Function });
    }

    [Fact]
    public void Discover_Checkout_HasATargetInTheRightMakefileForEveryTemplateResourceBuiltWithMake()
    {
        var targets = BuildTargets.Discover(Root);
        var makeBuilt = MakefileResources(Path.Combine(Root, "template.yaml"));

        Assert.NotEmpty(makeBuilt);
        Assert.All(makeBuilt, resource =>
        {
            var target = Assert.Single(targets, t => t.LogicalId == resource.LogicalId);
            var expectedMakefile = Path.GetFullPath(Path.Combine(Root, resource.CodeUri, "Makefile"));
            Assert.Equal(expectedMakefile, Path.GetFullPath(target.Makefile));
        });
    }

    [Fact]
    public void Discover_FolderWithoutLayersOrFunctions_FindsNothing()
    {
        var empty = Directory.CreateTempSubdirectory("products-packaging-empty-");
        try
        {
            Assert.Empty(BuildTargets.Discover(empty.FullName));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    // Every AWS::Serverless::Function / LayerVersion with Metadata.BuildMethod: makefile, and its CodeUri/ContentUri.
    private static List<(string LogicalId, string CodeUri)> MakefileResources(string templatePath)
    {
        using var reader = File.OpenText(templatePath);
        var yaml = new YamlStream();
        yaml.Load(reader);
        var resources = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["Resources"];
        var found = new List<(string, string)>();
        foreach (var (key, value) in resources.Children)
        {
            var resource = (YamlMappingNode)value;
            if (!resource.Children.TryGetValue("Metadata", out var metadata)
                || !((YamlMappingNode)metadata).Children.TryGetValue("BuildMethod", out var method)
                || ((YamlScalarNode)method).Value != "makefile")
            {
                continue;
            }

            var properties = (YamlMappingNode)resource["Properties"];
            var uri = properties.Children.TryGetValue("CodeUri", out var code) ? code : properties["ContentUri"];
            found.Add((((YamlScalarNode)key).Value!, ((YamlScalarNode)uri).Value!));
        }

        return found;
    }
}
