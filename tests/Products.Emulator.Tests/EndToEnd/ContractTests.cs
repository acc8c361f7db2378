using System.Net;
using System.Text.Json;

namespace Products.Emulator.Tests.EndToEnd;

/// <summary>The v1 contract over HTTP, through the emulator, against the real functions and dynalite.</summary>
[Collection(SharedApi.Name)]
public sealed class ContractTests(SharedApi.Fixture api)
{
    [Fact]
    public async Task Post_ValidProduct_Returns201WithLocationAndGetReturnsTheSameFields()
    {
        var name = $"e2e-{Guid.NewGuid():N}";

        var created = await ProductsClient.CreateAsync(api.Client, name, 12.5m);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var product = created.Body.GetProperty("data");
        var id = product.GetProperty("id").GetString()!;
        Assert.Equal($"products/{id}", created.Header("Location"));
        Assert.Equal(name, product.GetProperty("name").GetString());
        Assert.Equal(12.5m, product.GetProperty("price").GetDecimal());

        var read = await ProductsClient.SendAsync(api.Client, new HttpRequestMessage(HttpMethod.Get, created.Header("Location")!.TrimStart('/')));

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal("Product retrieved successfully", read.Body.GetProperty("message").GetString());
        Assert.Equal(JsonSerializer.Serialize(product), JsonSerializer.Serialize(read.Body.GetProperty("data")));
        Assert.StartsWith("application/json", read.Header("Content-Type"));
    }

    [Fact]
    public async Task Get_UnknownId_Returns404ProductNotFound()
    {
        var answer = await ProductsClient.GetAsync(api.Client, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("Product not found", answer.Body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Post_InvalidBody_Returns400NamingEachFieldAndWritesNothing()
    {
        var name = $"e2e-invalid-{Guid.NewGuid():N}";

        var answer = await ProductsClient.SendAsync(api.Client, new HttpRequestMessage(HttpMethod.Post, "products")
        {
            Content = ProductsClient.Json($$"""{"name":"{{name}}","price":-1,"id":"chosen-by-client"}"""),
        });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var fields = answer.Body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).Order().ToList();
        Assert.Equal(["id", "price"], fields);
        var everything = await ProductsClient.ListAllPagesAsync(api.Client, 100);
        Assert.DoesNotContain(everything.SelectMany(page => page), p => p.GetProperty("name").GetString() == name);
    }
}
