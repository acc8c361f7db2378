using System.Text.RegularExpressions;
using System.Xml.Linq;
using Products.Emulator.Template;
using Products.Testing;

namespace Products.Packaging.Tests.Template;

// How template.yaml ties the pieces together: each function's code, handler, layer and routes.
public sealed partial class TemplateWiringTests
{
    // The API contract (README "API (v1)"): one function per route.
    private static readonly Dictionary<string, string> FunctionByRoute = new(StringComparer.Ordinal)
    {
        ["GET /products"] = "ListProductsFunction",
        ["POST /products"] = "CreateProductFunction",
        ["GET /products/{id}"] = "GetProductFunction",
    };

    private static readonly HashSet<string> PseudoParameterNames = new(StringComparer.Ordinal)
    {
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId",
        "AWS::StackName", "AWS::URLSuffix",
    };

    [Fact]
    public void EveryFunction_HandlerIsTheAssemblyNameOfTheOneProjectInItsCodeUri()
    {
        var template = DeployedTemplate.Load("dev");

        Assert.Equal(3, template.Functions.Count);
        foreach (var function in template.Functions)
        {
            var project = Assert.Single(Directory.GetFiles(function.CodePath, "*.csproj"));
            var properties = XDocument.Load(project).Descendants("PropertyGroup").Elements().ToList();
            var assemblyName = properties.LastOrDefault(element => element.Name == "AssemblyName")?.Value
                ?? Path.GetFileNameWithoutExtension(project);

            Assert.Equal(function.Handler, assemblyName);
            // The dotnet10 runtime runs the handler as an executable assembly (dotnet exec <Handler>.dll).
            Assert.Equal("Exe", properties.Last(element => element.Name == "OutputType").Value);
            Assert.Equal("dotnet10", function.Runtime);
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void EveryFunction_RunsOnTheSharedLayerStore(string stage)
    {
        var template = DeployedTemplate.Load(stage);

        var layer = Assert.Single(template.Layers);
        Assert.Equal("ProductsSharedLayer", layer.LogicalId);
        Assert.Equal(["dotnet10"], layer.CompatibleRuntimes);
        foreach (var function in template.Functions)
        {
            Assert.Equal([layer.LogicalId], function.Layers);
            Assert.Equal("/opt/dotnetcore/store/", function.Environment["DOTNET_SHARED_STORE"]);
            Assert.Equal(layer.CompatibleArchitectures, function.Architectures);
        }
    }

    [Fact]
    public void Routes_AreExactlyTheApiContract()
    {
        var contract = ReadmeRoutes().Order().ToArray();
        var template = DeployedTemplate.Load("dev");

        var routes = template.Functions
            .SelectMany(function => function.Events.Select(route => $"{route.Method} {route.Path}"))
            .Order()
            .ToArray();

        Assert.Equal(FunctionByRoute.Keys.Order(), contract);
        Assert.Equal(contract, routes);
    }

    [Fact]
    public void EveryRoute_IsServedByItsFunctionsHandlerOnTheStageApi()
    {
        var template = DeployedTemplate.Load("dev");
        var api = Assert.Single(template.HttpApis);

        foreach (var function in template.Functions)
        {
            var served = ServedMethods(function);
            foreach (var route in function.Events)
            {
                var key = $"{route.Method} {route.Path}";
                Assert.Equal(FunctionByRoute[key], function.LogicalId);
                Assert.Equal(ApiKind.HttpApi, route.Kind);
                Assert.Equal(api.LogicalId, route.ApiLogicalId);
                Assert.Equal("2.0", route.PayloadFormatVersion);
                // The method list the function's Program.cs gives ApiFunction.RunAsync: others answer 405.
                Assert.Contains(route.Method, served);
            }
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void IdempotencyTable_IsOnDemandEncrypted_ExpiresOnItsExpirationAttribute_AndIsKeptLikeTheProductsTable(string stage)
    {
        var template = DeployedTemplate.Load(stage);
        var table = template.Table("IdempotencyTable");
        var resources = (TemplateMapping)TemplateLoader.ReadDocument(DeployedTemplate.TemplatePath)["Resources"]!;
        var idempotency = (TemplateMapping)resources["IdempotencyTable"]!;
        var products = (TemplateMapping)resources["ProductsTable"]!;

        Assert.Equal("PAY_PER_REQUEST", table.BillingMode);
        Assert.Equal(new TimeToLiveDefinition("expiration", true), table.TimeToLive);
        Assert.Equal(["id"], table.KeySchema.Select(key => key.AttributeName));
        Assert.Equal("true", ((TemplateScalar)((TemplateMapping)table.Properties["SSESpecification"]!)["SSEEnabled"]!).Text, ignoreCase: true);
        foreach (var policy in new[] { "DeletionPolicy", "UpdateReplacePolicy" })
        {
            Assert.Equal(products[policy]!.ToJson(), idempotency[policy]!.ToJson());
        }
    }

    [Fact]
    public void EveryRefGetAttAndSub_NamesAParameterPseudoParameterOrResource()
    {
        var root = TemplateLoader.ReadDocument(DeployedTemplate.TemplatePath);
        var parameters = ((TemplateMapping)root["Parameters"]!).Keys.ToHashSet(StringComparer.Ordinal);
        var resources = ((TemplateMapping)root["Resources"]!).Keys.ToHashSet(StringComparer.Ordinal);
        var references = new List<(string Kind, string Name, bool IsSub)>();
        Collect(root, references);

        Assert.Contains(references, reference => reference.Kind == "Ref");
        Assert.Contains(references, reference => reference.Kind == "Fn::GetAtt");
        Assert.Contains(references, reference => reference.Kind == "Fn::Sub");
        foreach (var (kind, name, isSub) in references)
        {
            var known = kind == "Fn::GetAtt" || (isSub && name.Contains('.', StringComparison.Ordinal))
                ? resources.Contains(name.Split('.')[0])
                : parameters.Contains(name) || PseudoParameterNames.Contains(name) || resources.Contains(name);
            Assert.True(known, $"{kind} '{name}' is not a parameter, pseudo parameter or resource of template.yaml");
        }
    }

    // Ref targets, Fn::GetAtt "Resource.Attribute", and every ${Name} of Fn::Sub strings that the Sub does not define itself.
    private static void Collect(TemplateValue value, List<(string Kind, string Name, bool IsSub)> references)
    {
        switch (value)
        {
            case TemplateMapping { Count: 1 } mapping when mapping.Entries[0].Key == "Ref":
                references.Add(("Ref", ((TemplateScalar)mapping.Entries[0].Value).Text, false));
                break;
            case TemplateMapping { Count: 1 } mapping when mapping.Entries[0].Key == "Fn::GetAtt":
                var target = mapping.Entries[0].Value switch
                {
                    TemplateScalar dotted => dotted.Text,
                    TemplateSequence list => string.Join('.', list.Items.Cast<TemplateScalar>().Select(item => item.Text)),
                    _ => throw new InvalidOperationException("unexpected Fn::GetAtt shape"),
                };
                references.Add(("Fn::GetAtt", target, false));
                break;
            case TemplateMapping { Count: 1 } mapping when mapping.Entries[0].Key == "Fn::Sub":
                var (text, variables) = mapping.Entries[0].Value switch
                {
                    TemplateScalar scalar => (scalar.Text, TemplateMapping.Empty),
                    TemplateSequence { Items: [TemplateScalar scalar, TemplateMapping map] } => (scalar.Text, map),
                    _ => throw new InvalidOperationException("unexpected Fn::Sub shape"),
                };
                foreach (Match match in SubVariable().Matches(text))
                {
                    var name = match.Groups["name"].Value;
                    if (!variables.ContainsKey(name))
                    {
                        references.Add(("Fn::Sub", name, true));
                    }
                }

                Collect(variables, references);
                break;
            case TemplateMapping mapping:
                foreach (var (_, child) in mapping.Entries)
                {
                    Collect(child, references);
                }

                break;
            case TemplateSequence sequence:
                foreach (var child in sequence.Items)
                {
                    Collect(child, references);
                }

                break;
        }
    }

    private static IEnumerable<string> ReadmeRoutes()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var section = readme[readme.IndexOf("## API (v1)", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        return ContractRow().Matches(section).Select(match => $"{match.Groups["method"].Value} {match.Groups["path"].Value}");
    }

    private static string[] ServedMethods(FunctionDefinition function)
    {
        var program = File.ReadAllText(Path.Combine(function.CodePath, "Program.cs"));
        var match = RunAsyncMethods().Match(program);
        Assert.True(match.Success, $"{function.LogicalId}: Program.cs does not call ApiFunction.RunAsync with a method list");
        return match.Groups["methods"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(method => method.Trim('"'))
            .ToArray();
    }

    // ${Name} or ${Resource.Attribute}; ${!Literal} is an escaped dollar sign.
    [GeneratedRegex(@"\$\{(?!!)(?<name>[A-Za-z0-9:.]+)\}")]
    private static partial Regex SubVariable();

    [GeneratedRegex(@"^\| `(?<method>GET|POST|PUT|PATCH|DELETE) (?<path>/[^`?]*)", RegexOptions.Multiline)]
    private static partial Regex ContractRow();

    [GeneratedRegex(@"ApiFunction\.RunAsync\(\s*\[(?<methods>[^\]]*)\]")]
    private static partial Regex RunAsyncMethods();
}
