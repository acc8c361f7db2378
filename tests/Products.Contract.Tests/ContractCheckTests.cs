using System.Text;
using Products.Testing.OpenApi;

namespace Products.Contract.Tests;

/// <summary>
/// The checker every end-to-end, reliability and hostile answer goes through (Products.Testing's
/// <see cref="ContractCheckingHandler"/>) can fail: answers that break the document are caught, real ones pass.
/// </summary>
public sealed class ContractCheckTests
{
    private const string Id = "3f2b8c1e-5d4a-4c6b-9e7f-0a1b2c3d4e5f";
    private const string Product = $$"""{"id":"{{Id}}","name":"Lamp","price":12.5,"createdAt":"2026-01-31T09:15:00.123Z","createdBy":"alice"}""";

    private static readonly OpenApiContract Contract = OpenApiContract.Repository;

    [Fact]
    public void AConformingCreate_Passes()
    {
        Assert.Empty(Contract.Check(Answer("POST", "/products", 201, $$"""{"message":"Product created successfully","data":{{Product}}}""", ("Location", "products/" + Id))));
    }

    [Fact]
    public void ACreateWithoutLocation_Fails()
    {
        Assert.Contains(Contract.Check(Answer("POST", "/products", 201, $$"""{"message":"Product created successfully","data":{{Product}}}""")), p => p.Contains("Location", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUndeclaredStatus_Fails()
    {
        Assert.Contains(Contract.Check(Answer("GET", "/products", 404, """{"message":"Not Found"}""")), p => p.Contains("not declared", StringComparison.Ordinal));
        Assert.Contains(Contract.Check(Answer("GET", "/products/" + Id, 401, """{"message":"Unauthorized"}""")), p => p.Contains("not declared", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"message":"Invalid product"}""")]
    [InlineData("""{"message":"Invalid product","requestId":"r","stack":"at Foo()"}""")]
    [InlineData("""{"message":"Invalid product","requestId":"r","errors":[]}""")]
    [InlineData("""{"message":"Invalid product","requestId":"r","errors":[{"field":"name"}]}""")]
    [InlineData("""not json""")]
    public void AnErrorBodyOutsideTheSchema_Fails(string body)
    {
        Assert.NotEmpty(Contract.Check(Answer("POST", "/products", 400, body)));
    }

    [Theory]
    [InlineData("""{"id":"3F2B8C1E-5D4A-4C6B-9E7F-0A1B2C3D4E5F","name":"Lamp","price":1,"createdAt":"2026-01-31T09:15:00.123Z"}""")]
    [InlineData("""{"id":"3f2b8c1e-5d4a-4c6b-9e7f-0a1b2c3d4e5f","name":"Lamp","price":1.005,"createdAt":"2026-01-31T09:15:00.123Z"}""")]
    [InlineData("""{"id":"3f2b8c1e-5d4a-4c6b-9e7f-0a1b2c3d4e5f","name":"Lamp","price":"1","createdAt":"2026-01-31T09:15:00.123Z"}""")]
    [InlineData("""{"id":"3f2b8c1e-5d4a-4c6b-9e7f-0a1b2c3d4e5f","name":"Lamp","price":1,"createdAt":"2026-01-31T09:15:00Z"}""")]
    [InlineData("""{"id":"3f2b8c1e-5d4a-4c6b-9e7f-0a1b2c3d4e5f","name":"Lamp","price":1,"createdAt":"2026-01-31T09:15:00.123Z","description":null}""")]
    [InlineData("""{"id":"3f2b8c1e-5d4a-4c6b-9e7f-0a1b2c3d4e5f","name":"","price":1,"createdAt":"2026-01-31T09:15:00.123Z"}""")]
    public void AProductOutsideTheSchema_Fails(string product)
    {
        Assert.NotEmpty(Contract.Check(Answer("GET", "/products/" + Id, 200, $$"""{"message":"Product retrieved successfully","data":{{product}}}""")));
    }

    [Fact]
    public void GatewayAnswers_PassWhereDeclared()
    {
        Assert.Empty(Contract.Check(Answer("POST", "/products", 401, """{"message":"Unauthorized"}""", mediaType: "application/json")));
        Assert.Empty(Contract.Check(Answer("GET", "/products", 502, """{"message":"Internal Server Error"}""", mediaType: "application/json")));
        Assert.Empty(Contract.Check(Answer("GET", "/products/" + Id, 503, """{"message":"Service Unavailable"}""", mediaType: "application/json")));
        Assert.Empty(Contract.Check(Answer("GET", "/products", 503, """{"message":"Service temporarily unavailable","requestId":"r"}""", ("Retry-After", "1"))));
    }

    [Fact]
    public void A409_NeedsRetryAfter()
    {
        const string Body = """{"message":"busy","errors":[{"field":"Idempotency-Key","problem":"in use"}],"requestId":"r"}""";
        Assert.Empty(Contract.Check(Answer("POST", "/products", 409, Body, ("Retry-After", "1"))));
        Assert.NotEmpty(Contract.Check(Answer("POST", "/products", 409, Body)));
        Assert.NotEmpty(Contract.Check(Answer("POST", "/products", 409, Body, ("Retry-After", "0"))));
    }

    [Fact]
    public void AnUnroutedRequest_MustGetTheGateways404()
    {
        Assert.Empty(Contract.Check(Answer("DELETE", "/products", 404, """{"message":"Not Found"}""", mediaType: "application/json")));
        Assert.NotEmpty(Contract.Check(Answer("DELETE", "/products", 200, """{"message":"Deleted"}""")));
        Assert.NotEmpty(Contract.Check(Answer("GET", "/orders", 404, """{"message":"Not Found","requestId":"r"}""", mediaType: "application/json")));
    }

    [Fact]
    public void Operations_AreFoundByMethodAndPath()
    {
        Assert.Equal("GetProduct", Contract.FindOperation("GET", "/products/" + Id)?.OperationId);
        Assert.Equal("ListProducts", Contract.FindOperation("GET", "/products")?.OperationId);
        Assert.Equal("CreateProduct", Contract.FindOperation("POST", "/products")?.OperationId);
        Assert.Null(Contract.FindOperation("GET", "/products/"));
        Assert.Null(Contract.FindOperation("GET", "/products/a/b"));
        Assert.Null(Contract.FindOperation("PUT", "/products/" + Id));
    }

    private static ObservedResponse Answer(
        string method, string path, int status, string body, (string Name, string Value)? header = null, string mediaType = "application/json")
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (header is { } h)
        {
            headers[h.Name] = [h.Value];
        }

        return new ObservedResponse(method, path, false, status, headers, mediaType, Encoding.UTF8.GetBytes(body));
    }
}
