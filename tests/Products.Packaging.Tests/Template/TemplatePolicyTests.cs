using System.Text.Json;
using Products.Emulator.Template;

namespace Products.Packaging.Tests.Template;

// Least privilege, per function, read from the real template.yaml: the exact actions each function needs and the
// resources they are scoped to. IAM is not enforced by the local emulator, so this is where a widened policy fails.
public sealed class TemplatePolicyTests
{
    public static TheoryData<string> Stages => new(DeployedTemplate.Stages);

    [Theory]
    [MemberData(nameof(Stages))]
    public void ListProducts_MayScanTheTableAndReadItsSettingsAndThePageTokenSecretOnly(string stage)
    {
        var template = DeployedTemplate.Load(stage);
        var settings = template.SsmParameters.Single(parameter => parameter.LogicalId == "ProductsSettingsParameter");
        var secret = template.Secrets.Single(candidate => candidate.LogicalId == "PageTokenSecret");

        var granted = Grants(template.Function("ListProductsFunction"));

        Assert.Equal(
            new[]
            {
                ("dynamodb:Scan", TableArn(template)),
                ("secretsmanager:GetSecretValue", secret.Arn),
                ("ssm:GetParameter", ParameterArn(template, "/aws/reference/secretsmanager/" + secret.Name)),
                ("ssm:GetParameter", ParameterArn(template, settings.Name)),
            }.Order(),
            granted);
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void ListProducts_ReadsExactlyTheParameterAndSecretItIsAllowedTo(string stage)
    {
        var template = DeployedTemplate.Load(stage);
        var function = template.Function("ListProductsFunction");
        var settings = template.SsmParameters.Single(parameter => parameter.LogicalId == "ProductsSettingsParameter");
        var secret = template.Secrets.Single(candidate => candidate.LogicalId == "PageTokenSecret");

        Assert.Equal(settings.Name, function.Environment["SETTINGS_PARAMETER"]);
        Assert.Equal(secret.Name, function.Environment["PAGE_TOKEN_SECRET_ID"]);
        Assert.Equal($"/products/{stage}/settings", settings.Name);
        Assert.Equal($"products/{stage}/page-token-key", secret.Name);
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void CreateProduct_MayPutAndGetItemsInBothTablesAndReadTheSettingsOnly(string stage)
    {
        var template = DeployedTemplate.Load(stage);
        var settings = template.SsmParameters.Single(parameter => parameter.LogicalId == "ProductsSettingsParameter");

        Assert.Equal(
            new[]
            {
                ("dynamodb:GetItem", TableArn(template)),
                ("dynamodb:GetItem", IdempotencyTableArn(template)),
                ("dynamodb:PutItem", TableArn(template)),
                ("dynamodb:PutItem", IdempotencyTableArn(template)),
                ("ssm:GetParameter", ParameterArn(template, settings.Name)),
            }.Order(),
            Grants(template.Function("CreateProductFunction")));
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void CreateProduct_IsTheOnlyFunctionWithTheIdempotencyTable(string stage)
    {
        var template = DeployedTemplate.Load(stage);
        var table = template.Table("IdempotencyTable");
        var settings = template.SsmParameters.Single(parameter => parameter.LogicalId == "ProductsSettingsParameter");

        foreach (var function in template.Functions)
        {
            var isCreate = function.LogicalId == "CreateProductFunction";
            Assert.Equal(isCreate, Grants(function).Any(grant => grant.Resource == table.TableArn));
            Assert.Equal(isCreate ? table.TableName : null, function.Environment.GetValueOrDefault("IDEMPOTENCY_TABLE_NAME"));
        }

        Assert.Equal($"products-idempotency-{stage}", table.TableName);
        Assert.Equal(settings.Name, template.Function("CreateProductFunction").Environment["SETTINGS_PARAMETER"]);
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void GetProduct_MayOnlyGetItemsFromTheTable(string stage)
    {
        var template = DeployedTemplate.Load(stage);

        Assert.Equal([("dynamodb:GetItem", TableArn(template))], Grants(template.Function("GetProductFunction")));
    }

    [Fact]
    public void EveryFunction_HasOnlyInlineAllowStatementsAndNoWildcard()
    {
        var template = DeployedTemplate.Load("prod");

        Assert.Equal(3, template.Functions.Count);
        foreach (var function in template.Functions)
        {
            // No Role of its own (SAM generates one per function) and no managed or SAM policy templates.
            Assert.Null(function.Role);
            var policies = Assert.IsType<TemplateSequence>(function.Policies);
            var policy = Assert.IsType<TemplateMapping>(Assert.Single(policies.Items));
            Assert.Equal(["Statement"], policy.Keys);
            foreach (var statement in Statements(function))
            {
                Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
                Assert.False(statement.TryGetProperty("NotAction", out _), $"{function.LogicalId}: NotAction");
                Assert.False(statement.TryGetProperty("NotResource", out _), $"{function.LogicalId}: NotResource");
            }

            Assert.All(Grants(function), grant =>
            {
                Assert.DoesNotContain("*", grant.Action, StringComparison.Ordinal);
                Assert.DoesNotContain("*", grant.Resource, StringComparison.Ordinal);
            });
        }
    }

    // Every (action, resource) pair a function's statements grant, sorted.
    private static List<(string Action, string Resource)> Grants(FunctionDefinition function) =>
        Statements(function)
            .SelectMany(statement => Strings(statement.GetProperty("Action"))
                .SelectMany(action => Strings(statement.GetProperty("Resource")).Select(resource => (action, resource))))
            .Order()
            .ToList();

    private static List<JsonElement> Statements(FunctionDefinition function)
    {
        using var document = JsonDocument.Parse(function.Policies!.ToJson());
        return document.RootElement.EnumerateArray()
            .SelectMany(policy => policy.GetProperty("Statement").EnumerateArray())
            .Select(statement => statement.Clone())
            .ToList();
    }

    private static IEnumerable<string> Strings(JsonElement value) => value.ValueKind == JsonValueKind.Array
        ? value.EnumerateArray().Select(item => item.GetString()!)
        : [value.GetString()!];

    private static string TableArn(LocalTemplate template) => template.Table("ProductsTable").TableArn;

    private static string IdempotencyTableArn(LocalTemplate template) => template.Table("IdempotencyTable").TableArn;

    // "Actions, resources, and condition keys for AWS Systems Manager": parameter/<name without its leading slash>.
    private static string ParameterArn(LocalTemplate template, string name) =>
        $"arn:aws:ssm:{template.Region}:{template.AccountId}:parameter/{name.TrimStart('/')}";
}
