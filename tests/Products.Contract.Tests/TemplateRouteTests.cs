using Products.Emulator.Template;
using Products.Testing;
using Products.Testing.OpenApi;

namespace Products.Contract.Tests;

/// <summary>openapi.yaml describes exactly the routes template.yaml deploys (as the emulator's loader reads them), with the same guards.</summary>
public sealed class TemplateRouteTests
{
    private static readonly LocalTemplate Template = TemplateLoader.Load(RepositoryRoot.TemplatePath, new TemplateLoadOptions());

    private static IEnumerable<(FunctionDefinition Function, ApiRoute Route)> Routes =>
        Template.Functions.SelectMany(f => f.Events.Select(e => (f, e)));

    [Fact]
    public void Operations_AreTheTemplatesRoutes_BothWays()
    {
        var templateRoutes = Routes.Select(r => $"{r.Route.Method} {r.Route.Path}").Order(StringComparer.Ordinal).ToList();
        var documentRoutes = OpenApiContract.Repository.Operations.Select(o => $"{o.Method} {o.Path}").Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(templateRoutes);
        Assert.Equal(templateRoutes, documentRoutes);
    }

    [Fact]
    public void EachOperationId_IsTheFunctionServingIt()
    {
        foreach (var (function, route) in Routes)
        {
            var operation = OpenApiContract.Repository.Operations.Single(o => o.Method == route.Method && o.Path == route.Path);
            Assert.Equal(function.Handler, operation.OperationId);
        }
    }

    [Fact]
    public void Security_IsTheRoutesAuthorizer_ScopesOnWritesOnly_401And403OnlyWhereATokenIsChecked()
    {
        var api = Assert.Single(Template.HttpApis);
        foreach (var (_, route) in Routes)
        {
            var operation = OpenApiContract.Repository.Operations.Single(o => o.Method == route.Method && o.Path == route.Path);
            var authorization = api.AuthorizationOf(route);
            var scopes = authorization?.Scopes ?? [];

            Assert.Equal(scopes.Order(StringComparer.Ordinal), operation.Scopes.Order(StringComparer.Ordinal));
            Assert.Equal(authorization is not null, operation.Statuses.Contains(401));
            Assert.Equal(scopes.Count > 0, operation.Statuses.Contains(403));
        }

        Assert.Equal(["products/write"], OpenApiContract.Repository.Operations.Single(o => o.Method == "POST").Scopes);
    }
}
