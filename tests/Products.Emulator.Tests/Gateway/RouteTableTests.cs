using Products.Emulator.Gateway;

namespace Products.Emulator.Tests.Gateway;

public sealed class RouteTableTests
{
    // The example API of "Working with routes for HTTP APIs", section "Routing API requests", plus ANY and
    // variable-versus-literal cases.
    private static readonly RouteTable ExampleTable = new(
    [
        Route("GET", "/pets/dog/1", "StaticDog"),
        Route("GET", "/pets/dog/{id}", "DogById"),
        Route("GET", "/pets/{proxy+}", "PetsGreedy"),
        Route("ANY", "/{proxy+}", "AnyGreedy"),
        Route("ANY", "/pets/{kind}/toys", "AnyToys"),
        Route("POST", "/pets/{kind}/toys", "PostToys"),
        Route("GET", "/pets/{kind}/{name}", "PetByKindAndName"),
        Route("ANY", "$default", "Default"),
    ]);

    [Theory]
    [InlineData("GET", "/pets/dog/1", "StaticDog")]
    [InlineData("GET", "/pets/dog/2", "DogById")]
    [InlineData("GET", "/pets/cat/1", "PetByKindAndName")]
    [InlineData("GET", "/pets/cat/1/more", "PetsGreedy")]
    [InlineData("POST", "/test/5", "AnyGreedy")]
    [InlineData("POST", "/pets/cat/toys", "PostToys")]
    [InlineData("DELETE", "/pets/cat/toys", "AnyToys")]
    [InlineData("GET", "/pets/cat/toys", "AnyToys")]
    [InlineData("GET", "/", "Default")]
    [InlineData("GET", "/pets", "AnyGreedy")]
    public void Match_ExampleRoutes_PicksMostSpecificRoute(string method, string path, string expectedFunction)
    {
        var match = ExampleTable.Match(method, path);

        Assert.NotNull(match);
        Assert.Equal(expectedFunction, match.Route.FunctionLogicalId);
    }

    [Fact]
    public void Match_LiteralSegmentBeforeVariable_WinsLeftToRight()
    {
        var table = new RouteTable([Route("GET", "/a/{x}/c", "VariableFirst"), Route("GET", "/a/b/{y}", "LiteralFirst")]);

        var match = table.Match("GET", "/a/b/c");

        Assert.Equal("LiteralFirst", match!.Route.FunctionLogicalId);
    }

    [Fact]
    public void Match_LongerGreedyPrefix_BeatsShorter()
    {
        var table = new RouteTable([Route("ANY", "/{proxy+}", "Root"), Route("ANY", "/api/v1/{proxy+}", "V1")]);

        var match = table.Match("PUT", "/api/v1/things/9");

        Assert.Equal("V1", match!.Route.FunctionLogicalId);
        Assert.Equal("things/9", match.PathParameters["proxy"]);
    }

    [Fact]
    public void Match_MethodSpecificRoute_BeatsAnyOnSamePath()
    {
        var table = new RouteTable([Route("ANY", "/products", "Any"), Route("GET", "/products", "Get")]);

        Assert.Equal("Get", table.Match("GET", "/products")!.Route.FunctionLogicalId);
        Assert.Equal("Any", table.Match("PATCH", "/products")!.Route.FunctionLogicalId);
    }

    [Fact]
    public void Match_NoRouteAndNoDefault_ReturnsNull()
    {
        var table = new RouteTable([Route("GET", "/products", "List")]);

        Assert.Null(table.Match("POST", "/products"));
        Assert.Null(table.Match("GET", "/orders"));
    }

    [Fact]
    public void Match_PathParameters_ArePercentDecoded()
    {
        var table = new RouteTable([Route("GET", "/products/{id}", "Get"), Route("GET", "/files/{path+}", "Files")]);

        var single = table.Match("GET", "/products/caf%C3%A9%20au%2Flait");
        var greedy = table.Match("GET", "/files/a%20b/c%25d");

        Assert.Equal("café au/lait", single!.PathParameters["id"]);
        Assert.Equal("a b/c%d", greedy!.PathParameters["path"]);
    }

    [Fact]
    public void Match_TrailingSlash_IsSignificant()
    {
        var table = new RouteTable([Route("GET", "/products", "List"), Route("GET", "/products/{id}", "Get")]);
        var withGreedy = new RouteTable([Route("GET", "/metrics/{proxy+}", "Metrics")]);

        Assert.Null(table.Match("GET", "/products/"));
        Assert.Equal("", withGreedy.Match("GET", "/metrics/")!.PathParameters["proxy"]);
        Assert.Null(withGreedy.Match("GET", "/metrics"));
    }

    [Fact]
    public void Match_GreedyAtRoot_DoesNotMatchRootPath()
    {
        var table = new RouteTable([Route("ANY", "/{proxy+}", "Greedy")]);

        Assert.Null(table.Match("GET", "/"));
        Assert.NotNull(table.Match("GET", "/x"));
    }

    [Fact]
    public void Match_LiteralSegments_AreCaseSensitive()
    {
        var table = new RouteTable([Route("GET", "/products", "List")]);

        Assert.Null(table.Match("GET", "/Products"));
    }

    [Fact]
    public void Match_ExtraLeadingSlashes_RouteAsOne()
    {
        var table = new RouteTable([Route("GET", "/products", "List")]);

        Assert.Equal("List", table.Match("GET", "//products")!.Route.FunctionLogicalId);
    }

    [Fact]
    public void Match_DefaultRoute_HasRouteKeyDollarDefault()
    {
        var table = new RouteTable([Route("GET", "$default", "Default")]);

        var match = table.Match("DELETE", "/anything/at/all");

        Assert.Equal("$default", match!.Route.RouteKey);
        Assert.Empty(match.PathParameters);
    }

    [Theory]
    [InlineData("products")]
    [InlineData("/products/")]
    [InlineData("/{proxy+}/tail")]
    [InlineData("/a/{id}/{id}")]
    [InlineData("/a/x{id}")]
    [InlineData("/a//b")]
    [InlineData("/a/{}")]
    [InlineData("/a/{bad name}")]
    public void Constructor_InvalidPathTemplate_Throws(string template)
    {
        var error = Assert.Throws<ArgumentException>(() => new RouteTable([Route("GET", template, "F")]));

        Assert.Contains(template, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SameMethodAndShape_Throws()
    {
        Assert.Throws<ArgumentException>(() => new RouteTable([Route("GET", "/a/{x}", "One"), Route("GET", "/a/{y}", "Two")]));
    }

    [Fact]
    public void Constructor_UnknownMethod_Throws()
    {
        Assert.Throws<ArgumentException>(() => new RouteTable([Route("get", "/a", "F")]));
    }

    [Fact]
    public void Constructor_TwoDefaultRoutes_Throws()
    {
        Assert.Throws<ArgumentException>(() => new RouteTable([Route("ANY", "$default", "One"), Route("ANY", "$default", "Two")]));
    }

    private static RouteDefinition Route(string method, string path, string function) => new(method, path, function, PayloadFormat.V2);
}
