using Products.Emulator.Template;

namespace Products.Packaging.Tests.Template;

// Who may write (docs/auth.md): the HTTP API's JWT authorizer, its issuer per stage, and which routes it guards.
public sealed class TemplateAuthTests
{
    private const string ExternalIssuer = "https://login.example.com/";
    private const string ExternalAudience = "products-api";

    private static readonly string[] CognitoTypes =
    [
        "AWS::Cognito::UserPool", "AWS::Cognito::UserPoolClient", "AWS::Cognito::UserPoolDomain",
        "AWS::Cognito::UserPoolResourceServer",
    ];

    public static TheoryData<string> Stages => new(DeployedTemplate.Stages);

    private static Dictionary<string, string> External => new(StringComparer.Ordinal)
    {
        ["JwtIssuer"] = ExternalIssuer,
        ["JwtAudience"] = ExternalAudience,
    };

    [Theory]
    [MemberData(nameof(Stages))]
    public void PostNeedsTheWriteScope_AndBothGetsArePublic(string stage)
    {
        var template = DeployedTemplate.Load(stage);
        var api = Assert.Single(template.HttpApis);

        var guarded = template.Functions
            .SelectMany(function => function.Events)
            .ToDictionary(route => $"{route.Method} {route.Path}", api.AuthorizationOf);

        var post = Assert.IsType<RouteAuthorization>(guarded["POST /products"]);
        Assert.Equal(["products/write"], post.Scopes);
        Assert.Equal("Authorization", post.Authorizer.IdentityHeader);
        Assert.Null(guarded["GET /products"]);
        Assert.Null(guarded["GET /products/{id}"]);
        // Every route is guarded unless it opts out: a new route cannot be public by omission.
        Assert.Equal(post.Authorizer.Name, api.DefaultAuthorizer);
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void WithoutAnExternalIssuer_TheStageCreatesItsUserPool_AndTrustsIt(string stage)
    {
        var template = DeployedTemplate.Load(stage);
        var authorizer = Assert.Single(Assert.Single(template.HttpApis).Authorizers.Values);
        var resources = template.Resources.ToDictionary(resource => resource.LogicalId);

        Assert.True(template.Conditions["CreateUserPool"]);
        Assert.Equal(CognitoTypes, template.Resources.Where(r => r.Type.StartsWith("AWS::Cognito::", StringComparison.Ordinal)).Select(r => r.Type).Order());
        Assert.Equal($"https://cognito-idp.{template.Region}.amazonaws.com/{PhysicalId(template, "ProductsUserPool")}", authorizer.Issuer);
        Assert.Equal([PhysicalId(template, "ProductsMachineClient")], authorizer.Audiences);

        var server = resources["ProductsResourceServer"].Properties;
        Assert.Equal("products", Text(server, "Identifier"));
        var scope = Assert.IsType<TemplateMapping>(Assert.Single(Assert.IsType<TemplateSequence>(server["Scopes"]).Items));
        Assert.Equal("write", Text(scope, "ScopeName"));

        var client = resources["ProductsMachineClient"].Properties;
        Assert.Equal(["client_credentials"], Strings(client, "AllowedOAuthFlows"));
        Assert.Equal(["products/write"], Strings(client, "AllowedOAuthScopes"));
        Assert.Equal("true", Text(client, "GenerateSecret"));
        Assert.Equal("true", Text(client, "AllowedOAuthFlowsUserPoolClient"));
        Assert.Contains("MachineClientId", template.Outputs.Keys);
        Assert.Contains("TokenUrl", template.Outputs.Keys);
        Assert.Equal(authorizer.Issuer, template.Outputs["JwtIssuerUrl"]);
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void WithAnExternalIssuer_NoCognitoResourceIsCreated_AndTheAuthorizerTrustsIt(string stage)
    {
        var template = DeployedTemplate.Load(stage, External);
        var authorizer = Assert.Single(Assert.Single(template.HttpApis).Authorizers.Values);

        Assert.False(template.Conditions["CreateUserPool"]);
        Assert.True(template.Conditions["UseExternalIssuer"]);
        Assert.DoesNotContain(template.Resources, r => r.Type.StartsWith("AWS::Cognito::", StringComparison.Ordinal));
        Assert.Equal(ExternalIssuer, authorizer.Issuer);
        Assert.Equal([ExternalAudience], authorizer.Audiences);
        Assert.DoesNotContain("MachineClientId", template.Outputs.Keys);
        Assert.Equal(ExternalIssuer, template.Outputs["JwtIssuerUrl"]);
    }

    [Theory]
    [InlineData("JwtIssuer", ExternalIssuer)]
    [InlineData("JwtAudience", ExternalAudience)]
    public void AnIssuerWithoutItsAudience_OrTheOtherWayRound_IsRefusedByTheRules(string parameter, string value)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal) { [parameter] = value };

        var refused = Assert.Throws<TemplateException>(() => DeployedTemplate.Load("dev", overrides));

        Assert.Contains("JwtAudience", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://login.example.com/")]
    [InlineData("login.example.com")]
    public void AnIssuerThatIsNotAnHttpsUrl_IsRefused(string issuer)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["JwtIssuer"] = issuer,
            ["JwtAudience"] = ExternalAudience,
        };

        Assert.Throws<TemplateException>(() => DeployedTemplate.Load("dev", overrides));
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void EveryStageOfSamconfig_SetsBothIssuerParameters(string stage)
    {
        var template = DeployedTemplate.Load(stage);

        Assert.Equal(ParameterSource.SamConfig, template.Parameters["JwtIssuer"].Source);
        Assert.Equal(ParameterSource.SamConfig, template.Parameters["JwtAudience"].Source);
    }

    private static string PhysicalId(LocalTemplate template, string logicalId) =>
        $"{template.StackName}-{logicalId}";

    private static string Text(TemplateMapping mapping, string key) =>
        Assert.IsType<TemplateScalar>(mapping[key]).Text;

    private static string[] Strings(TemplateMapping mapping, string key) =>
        [.. Assert.IsType<TemplateSequence>(mapping[key]).Items.Select(item => Assert.IsType<TemplateScalar>(item).Text)];
}
