using Products.Emulator.Template;
using Products.Testing;

namespace Products.Emulator.Tests.Template;

/// <summary>The repository's own template.yaml and samconfig.toml, read in place.</summary>
public sealed class RealTemplateTests
{
    private static LocalTemplate LoadStage(string? stage) =>
        TemplateLoader.Load(RepositoryRoot.TemplatePath, new TemplateLoadOptions { Stage = stage });

    [Fact]
    public void Load_RealTemplate_HasThreeFunctionsWithTheirRoutes()
    {
        var template = LoadStage("dev");

        var routes = template.Functions
            .SelectMany(function => function.Events.Select(route => (function.LogicalId, route.Method, route.Path, route.PayloadFormatVersion, route.ApiLogicalId)))
            .Order()
            .ToArray();
        Assert.Equal(
            [
                ("CreateProductFunction", "POST", "/products", "2.0", "ProductsApi"),
                ("GetProductFunction", "GET", "/products/{id}", "2.0", "ProductsApi"),
                ("ListProductsFunction", "GET", "/products", "2.0", "ProductsApi"),
            ],
            routes);
    }

    [Fact]
    public void Load_DevStage_MergesGlobalsIntoEveryFunction()
    {
        var template = LoadStage("dev");

        Assert.Equal(3, template.Functions.Count);
        foreach (var function in template.Functions)
        {
            Assert.Equal(10, function.Timeout);
            Assert.Equal(512, function.MemorySize);
            Assert.Equal("dotnet10", function.Runtime);
            Assert.Equal(["x86_64"], function.Architectures);
            Assert.Equal(["ProductsSharedLayer"], function.Layers);
            Assert.Equal("JSON", function.LogFormat);
            Assert.Equal("products-dev", function.Environment["TABLE_NAME"]);
            Assert.Equal("dev", function.Environment["STAGE"]);
            Assert.Equal("DEBUG", function.Environment["POWERTOOLS_LOG_LEVEL"]);
            Assert.Equal("/opt/dotnetcore/store/", function.Environment["DOTNET_SHARED_STORE"]);
            Assert.Equal(Path.GetFullPath(Path.Combine(RepositoryRoot.Path, function.CodeUri)), function.CodePath);
        }

        var list = template.Function("ListProductsFunction");
        Assert.Equal("products-dev-list", list.FunctionName);
        Assert.Equal("ListProducts", list.Handler);
        Assert.Equal("makefile", list.BuildMethod);
        Assert.Equal("functions/ListProducts/", list.CodeUri);
        Assert.Equal("/aws/lambda/products-dev-list", list.LogGroupName);
    }

    [Fact]
    public void Load_ProdStage_RenamesResourcesAndTurnsIsProdOn()
    {
        var template = LoadStage("prod");

        Assert.Equal("products-prod", template.StackName);
        Assert.Equal("prod", template.Stage);
        Assert.True(template.Conditions["IsProd"]);
        Assert.Equal("products-prod", template.Table("ProductsTable").TableName);
        Assert.Equal("products-prod", template.Function("GetProductFunction").Environment["TABLE_NAME"]);
        Assert.Equal("WARN", template.Function("GetProductFunction").Environment["POWERTOOLS_LOG_LEVEL"]);
        Assert.Equal("products-prod-get", template.Function("GetProductFunction").FunctionName);
        var table = template.Resources.Single(resource => resource.LogicalId == "ProductsTable");
        var recovery = (TemplateMapping)table.Properties["PointInTimeRecoverySpecification"]!;
        Assert.Equal(TemplateScalar.Boolean(true), recovery["PointInTimeRecoveryEnabled"]);
        Assert.Equal("prod", template.HttpApis.Single().StageName);
    }

    [Fact]
    public void Load_DevStage_IsProdIsFalse()
    {
        var template = LoadStage("dev");

        Assert.False(template.Conditions["IsProd"]);
        var table = template.Resources.Single(resource => resource.LogicalId == "ProductsTable");
        var recovery = (TemplateMapping)table.Properties["PointInTimeRecoverySpecification"]!;
        Assert.Equal(TemplateScalar.Boolean(false), recovery["PointInTimeRecoveryEnabled"]);
    }

    [Fact]
    public void Load_StagingStage_AppliesSamConfigOverridesAndStackName()
    {
        var template = LoadStage("staging");

        Assert.Equal("products-staging", template.StackName);
        Assert.Equal("staging", template.Parameters["Stage"].Value);
        Assert.Equal(ParameterSource.SamConfig, template.Parameters["Stage"].Source);
        Assert.Equal("INFO", template.Parameters["LogLevel"].Value);
        Assert.Equal(ParameterSource.Default, template.Parameters["AllowedOrigins"].Source);
        Assert.Equal("products-staging", template.Table("ProductsTable").TableName);
    }

    [Fact]
    public void Load_NoStage_UsesSamConfigDefaultEnvironment()
    {
        var template = LoadStage(null);

        Assert.Null(template.Stage);
        Assert.Equal("products-dev", template.StackName);
        Assert.Equal("products-dev", template.Function("CreateProductFunction").Environment["TABLE_NAME"]);
    }

    [Fact]
    public void Load_ExplicitOverride_WinsOverSamConfig()
    {
        var template = TemplateLoader.Load(
            RepositoryRoot.TemplatePath,
            new TemplateLoadOptions { Stage = "prod", ParameterOverrides = ParameterOverrides.Parse("LogLevel=ERROR") });

        Assert.Equal("ERROR", template.Function("ListProductsFunction").Environment["POWERTOOLS_LOG_LEVEL"]);
        Assert.Equal("products-prod", template.Function("ListProductsFunction").Environment["TABLE_NAME"]);
    }

    [Fact]
    public void Load_RealTemplate_DescribesTheTableAndApi()
    {
        var template = LoadStage("dev");

        var table = template.Table("ProductsTable");
        Assert.Equal("PAY_PER_REQUEST", table.BillingMode);
        Assert.Equal([new KeySchemaElement("id", "HASH")], table.KeySchema);
        Assert.Equal([new AttributeDefinition("id", "S")], table.AttributeDefinitions);
        Assert.Equal("arn:aws:dynamodb:us-east-1:123456789012:table/products-dev", table.TableArn);
        var api = Assert.Single(template.HttpApis);
        Assert.Equal("ProductsApi", api.LogicalId);
        Assert.Equal("dev", api.StageName);
        Assert.NotNull(api.Cors);
        Assert.Equal(["http://localhost:3000"], api.Cors.AllowOrigins);
        Assert.Equal(["GET", "POST", "OPTIONS"], api.Cors.AllowMethods);
        Assert.Equal(["content-type", "authorization", "idempotency-key"], api.Cors.AllowHeaders);
        Assert.Equal(["location", "retry-after", "idempotent-replayed"], api.Cors.ExposeHeaders);
        Assert.Equal(600, api.Cors.MaxAge);
        var layer = Assert.Single(template.Layers);
        Assert.Equal("products-shared-dev", layer.LayerName);
        Assert.Equal(Path.Combine(RepositoryRoot.Path, "layers", "ProductsShared") + Path.DirectorySeparatorChar, layer.ContentPath);
    }

    [Fact]
    public void Load_RealTemplate_PoliciesPointAtTheTableArn()
    {
        var template = LoadStage("dev");

        var policies = template.Function("GetProductFunction").Policies;
        Assert.NotNull(policies);
        Assert.Equal(
            """[{"Statement":[{"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"arn:aws:dynamodb:us-east-1:123456789012:table/products-dev"}]}]""",
            policies.ToJson());
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Load_EveryStage_LeavesNoUnresolvedIntrinsic(string stage)
    {
        var template = LoadStage(stage);

        Assert.NotEmpty(template.Resources);
        foreach (var resource in template.Resources)
        {
            TemplateAssert.FullyResolved(resource.Properties, $"Resources.{resource.LogicalId}");
        }

        foreach (var function in template.Functions)
        {
            TemplateAssert.FullyResolved(function.Properties, function.LogicalId);
        }

        Assert.Equal($"https://local.execute-api.us-east-1.amazonaws.com/{stage}", template.Outputs["ApiUrl"]);
        Assert.Equal($"products-{stage}", template.Outputs["TableName"]);
        Assert.Equal($"arn:aws:lambda:us-east-1:123456789012:layer:products-shared-{stage}:1", template.Outputs["SharedLayerArn"]);
    }
}
