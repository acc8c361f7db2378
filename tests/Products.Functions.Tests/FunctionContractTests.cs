using System.Text.Json;
using Products.Functions.Tests.Harness;

namespace Products.Functions.Tests;

/// <summary>The API contract, with each function running as its own process behind the Runtime API.</summary>
public sealed class FunctionContractTests(FunctionsFixture functions) : IClassFixture<FunctionsFixture>
{
    [Theory]
    [InlineData(PayloadFormat.V2)]
    [InlineData(PayloadFormat.V1)]
    public async Task Create_ValidProduct_Returns201WithLocation_AndGetReturnsTheSameFields(PayloadFormat version)
    {
        var name = "Lamp " + Guid.NewGuid().ToString("N");

        var created = await functions.PostAsync(new { name = "  " + name + " ", price = 12.5, description = "Warm light", category = "Home" }, version);

        Assert.Equal(201, created.StatusCode);
        var data = created.Json.GetProperty("data");
        var id = data.GetProperty("id").GetString()!;
        Assert.Equal("Product created successfully", created.Json.GetProperty("message").GetString());
        Assert.Equal("products/" + id, created.Header("Location"));
        Assert.Equal("application/json; charset=utf-8", created.Header("Content-Type"));
        Assert.Equal(name, data.GetProperty("name").GetString());
        Assert.Equal(12.5m, data.GetProperty("price").GetDecimal());
        Assert.Equal(FunctionsFixture.CallerSubject, data.GetProperty("createdBy").GetString());

        var fetched = await functions.GetAsync(id, version);

        Assert.Equal(200, fetched.StatusCode);
        Assert.Equal("Product retrieved successfully", fetched.Json.GetProperty("message").GetString());
        Assert.Equal(data.GetRawText(), fetched.Json.GetProperty("data").GetRawText());
    }

    [Theory]
    [InlineData(PayloadFormat.V2)]
    [InlineData(PayloadFormat.V1)]
    public async Task Create_WithoutAuthorizerClaims_StoresTheProductWithoutCreatedBy(PayloadFormat version)
    {
        var created = await functions.PostRawAsync(
            """{"name":"Unattributed","price":1}""", version, claims: new Dictionary<string, string>());
        var id = created.Json.GetProperty("data").GetProperty("id").GetString()!;
        var fetched = await functions.GetAsync(id, version);

        Assert.Equal(201, created.StatusCode);
        Assert.False(created.Json.GetProperty("data").TryGetProperty("createdBy", out _));
        Assert.False(fetched.Json.GetProperty("data").TryGetProperty("createdBy", out _));
    }

    [Theory]
    [InlineData(PayloadFormat.V2)]
    [InlineData(PayloadFormat.V1)]
    public async Task Get_UnknownId_Returns404(PayloadFormat version)
    {
        var response = await functions.GetAsync(Guid.NewGuid().ToString("D"), version);

        Assert.Equal(404, response.StatusCode);
        Assert.Equal("Product not found", response.Json.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(PayloadFormat.V2, "../../etc/passwd")]
    [InlineData(PayloadFormat.V1, "NOT-A-UUID")]
    public async Task Get_MalformedId_Returns400NamingTheId(PayloadFormat version, string id)
    {
        var response = await functions.GetAsync(id, version);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("id", response.Json.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Theory]
    [InlineData(PayloadFormat.V2)]
    [InlineData(PayloadFormat.V1)]
    public async Task List_SevenNewProductsInPagesOfThree_SeesEveryItemExactlyOnce(PayloadFormat version)
    {
        var mine = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 7; i++)
        {
            var created = await functions.PostAsync(new { name = $"Paged {i}", price = i }, version);
            mine.Add(created.Json.GetProperty("data").GetProperty("id").GetString()!);
        }

        var seen = new List<string>();
        var pages = 0;
        string? token = null;
        do
        {
            var query = new List<KeyValuePair<string, string>> { new("limit", "3") };
            if (token is not null)
            {
                query.Add(new("nextToken", token));
            }

            var page = await functions.ListAsync(version, [.. query]);
            Assert.Equal(200, page.StatusCode);
            Assert.Equal("Products retrieved successfully", page.Json.GetProperty("message").GetString());
            var items = page.Json.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();
            Assert.InRange(items.Count, 0, 3);
            seen.AddRange(items);
            token = page.Json.TryGetProperty("nextToken", out var next) ? next.GetString() : null;
            pages++;
        }
        while (token is not null && pages < 100);

        Assert.True(pages >= 3, $"expected at least 3 pages, got {pages}");
        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
        Assert.Subset(seen.ToHashSet(StringComparer.Ordinal), mine);
    }

    [Theory]
    [InlineData(PayloadFormat.V2)]
    [InlineData(PayloadFormat.V1)]
    public async Task List_WithoutLimit_UsesTheDefaultPageSizeFromSettings(PayloadFormat version)
    {
        await functions.PostAsync(new { name = "One", price = 1 }, version);
        await functions.PostAsync(new { name = "Two", price = 2 }, version);
        await functions.PostAsync(new { name = "Three", price = 3 }, version);

        var page = await functions.ListAsync(version);

        // The fixture's settings parameter says defaultPageSize 2.
        Assert.Equal(2, page.Json.GetProperty("data").GetArrayLength());
        Assert.True(page.Json.TryGetProperty("nextToken", out _));
    }

    [Theory]
    [InlineData(PayloadFormat.V2, "0")]
    [InlineData(PayloadFormat.V2, "6")]
    [InlineData(PayloadFormat.V1, "abc")]
    [InlineData(PayloadFormat.V1, "-1")]
    public async Task List_LimitOutsideSettings_Returns400NamingLimit(PayloadFormat version, string limit)
    {
        var response = await functions.ListAsync(version, new KeyValuePair<string, string>("limit", limit));

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("limit", response.Json.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Theory]
    [InlineData(PayloadFormat.V2)]
    [InlineData(PayloadFormat.V1)]
    public async Task List_EditedNextToken_Returns400InvalidNextToken(PayloadFormat version)
    {
        await functions.PostAsync(new { name = "A", price = 1 }, version);
        await functions.PostAsync(new { name = "B", price = 1 }, version);
        var first = await functions.ListAsync(version, new KeyValuePair<string, string>("limit", "1"));
        var token = first.Json.GetProperty("nextToken").GetString()!;
        var edited = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

        var response = await functions.ListAsync(version, new("limit", "1"), new("nextToken", edited));

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("Invalid nextToken", response.Json.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(PayloadFormat.V2, "{\"name\":\"Lamp\",", "body")]
    [InlineData(PayloadFormat.V1, "{\"name\":\"Lamp\",\"price\":1,\"id\":\"x\"}", "id")]
    [InlineData(PayloadFormat.V2, "{\"name\":\"Lamp\",\"price\":1,\"colour\":\"red\"}", "colour")]
    [InlineData(PayloadFormat.V1, "{\"name\":\"Lamp\",\"price\":-1}", "price")]
    [InlineData(PayloadFormat.V2, "{\"name\":\"Lamp\",\"price\":1.234}", "price")]
    [InlineData(PayloadFormat.V2, "{\"name\":\"Lamp\",\"price\":\"12\"}", "price")]
    [InlineData(PayloadFormat.V1, "{\"price\":1}", "name")]
    public async Task Create_InvalidBody_Returns400WithFieldErrors_AndWritesNothing(PayloadFormat version, string body, string field)
    {
        var before = await functions.CountItemsAsync();

        var response = await functions.PostRawAsync(body, version);

        Assert.Equal(400, response.StatusCode);
        Assert.Contains(
            response.Json.GetProperty("errors").EnumerateArray(),
            e => e.GetProperty("field").GetString() == field && e.GetProperty("problem").GetString()!.Length > 0);
        Assert.Equal("no-store", response.Header("Cache-Control"));
        Assert.Equal(before, await functions.CountItemsAsync());
    }

    [Theory]
    [InlineData(PayloadFormat.V2)]
    [InlineData(PayloadFormat.V1)]
    public async Task Create_Base64EncodedBody_IsDecoded(PayloadFormat version)
    {
        var response = await functions.InvokeAsync(
            FunctionsFixture.Create,
            new ApiEventRequest("POST", "/products", "POST /products")
            {
                Headers = [new("content-type", "application/json")],
                Body = """{"name":"Encoded","price":3}""",
                IsBase64Encoded = true,
            },
            version);

        Assert.Equal(201, response.StatusCode);
        Assert.Equal("Encoded", response.Json.GetProperty("data").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(PayloadFormat.V2, "text/plain")]
    [InlineData(PayloadFormat.V1, "application/x-www-form-urlencoded")]
    public async Task Create_WrongContentType_Returns415(PayloadFormat version, string contentType)
    {
        var before = await functions.CountItemsAsync();

        var response = await functions.PostRawAsync("""{"name":"Lamp","price":1}""", version, contentType);

        Assert.Equal(415, response.StatusCode);
        Assert.Equal(before, await functions.CountItemsAsync());
    }

    [Theory]
    [InlineData(PayloadFormat.V2)]
    [InlineData(PayloadFormat.V1)]
    public async Task Create_BodyOverTheLimit_Returns413(PayloadFormat version)
    {
        var response = await functions.PostRawAsync(
            JsonSerializer.Serialize(new { name = "Big", price = 1, description = new string('x', 40_000) }), version);

        Assert.Equal(413, response.StatusCode);
    }

    [Theory]
    [InlineData(PayloadFormat.V2, FunctionsFixture.Create, "GET", "POST")]
    [InlineData(PayloadFormat.V1, FunctionsFixture.Get, "DELETE", "GET")]
    [InlineData(PayloadFormat.V2, FunctionsFixture.List, "PUT", "GET")]
    public async Task AnyFunction_WrongMethod_Returns405WithAllow(PayloadFormat version, string function, string method, string allowed)
    {
        var response = await functions.InvokeAsync(
            function,
            new ApiEventRequest(method, "/products", method + " /products"),
            version);

        Assert.Equal(405, response.StatusCode);
        Assert.Equal(allowed, response.Header("Allow"));
    }

    // CORS has one owner per API type: the HTTP API's CORS configuration (payload 2.0), the function for a REST API
    // (payload 1.0), whose proxy integration passes the function's headers through.
    [Theory]
    [InlineData(PayloadFormat.V1, "http://localhost:3000")]
    [InlineData(PayloadFormat.V2, null)]
    public async Task AnyResponse_FromAnAllowedOrigin_CarriesCorsHeadersOnlyForRestApis(PayloadFormat version, string? allowOrigin)
    {
        var response = await functions.InvokeAsync(
            FunctionsFixture.Get,
            new ApiEventRequest("GET", "/products/" + Guid.NewGuid().ToString("D"), "GET /products/{id}")
            {
                Headers = [new("Origin", "http://localhost:3000")],
            },
            version);

        Assert.Equal(allowOrigin, response.Headers.GetValueOrDefault("Access-Control-Allow-Origin"));
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
    }
}
