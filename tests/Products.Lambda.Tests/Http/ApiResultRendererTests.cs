using System.Text.Json;
using Products.Lambda.ApiGateway;
using Products.Lambda.Http;

namespace Products.Lambda.Tests.Http;

public sealed class ApiResultRendererTests
{
    private static readonly ApiResultRenderer Renderer = new(CorsPolicy.None);

    private static SampleProduct NewProduct() => new(Guid.NewGuid().ToString(), "Garden hose", 19.99m);

    public static TheoryData<ApiResult> EveryResult() =>
    [
        new ApiResult.Ok("Products retrieved successfully"),
        new ApiResult.Created("Product created successfully", JsonPayload.From(NewProduct(), TestJsonContext.Default.SampleProduct), "/products/x"),
        new ApiResult.NotFound("Product not found"),
        new ApiResult.Invalid("Invalid request"),
        new ApiResult.MethodNotAllowed(["GET"]),
        new ApiResult.UnsupportedMediaType("Content-Type must be application/json"),
        new ApiResult.PayloadTooLarge("Body too large"),
        new ApiResult.Conflict("In progress", TimeSpan.FromSeconds(1)),
        new ApiResult.Unprocessable("Key reused"),
        new ApiResult.Stored(201, "{\"message\":\"stored\"}"u8.ToArray(), "/products/x", Replayed: true),
        new ApiResult.Unavailable(TimeSpan.FromSeconds(2)),
        new ApiResult.InternalError(),
    ];

    [Theory]
    [MemberData(nameof(EveryResult))]
    public void Render_AnyResult_HasJsonContentTypeAndNosniff(ApiResult result)
    {
        var response = Renderer.Render(result, Rendered.Request(EventRequestId()));

        Assert.Equal("application/json; charset=utf-8", Rendered.Header(response, "Content-Type"));
        Assert.Equal("nosniff", Rendered.Header(response, "X-Content-Type-Options"));
        Assert.False(response.IsBase64Encoded);
        Assert.Equal(JsonValueKind.Object, Rendered.Body(response).ValueKind);
        Assert.Equal(response.StatusCode >= 400 ? "no-store" : null, Rendered.Header(response, "Cache-Control"));
    }

    [Fact]
    public void Render_OkWithDataAndNextToken_Is200WithAllMembers()
    {
        var products = new[] { NewProduct(), NewProduct() };
        var token = Guid.NewGuid().ToString("N");
        var result = new ApiResult.Ok(
            "Products retrieved successfully",
            JsonPayload.From(products, TestJsonContext.Default.SampleProductArray),
            token);

        var response = Renderer.Render(result, Rendered.Request(EventRequestId()));

        Assert.Equal(200, response.StatusCode);
        var body = Rendered.Body(response);
        Assert.Equal(["message", "data", "nextToken"], Rendered.MemberNames(body));
        Assert.Equal("Products retrieved successfully", body.GetProperty("message").GetString());
        Assert.Equal(
            products.Select(product => product.Id),
            body.GetProperty("data").EnumerateArray().Select(item => item.GetProperty("id").GetString()));
        Assert.Equal(19.99m, body.GetProperty("data")[0].GetProperty("price").GetDecimal());
        Assert.Equal(token, body.GetProperty("nextToken").GetString());
    }

    [Fact]
    public void Render_OkWithoutDataOrToken_OmitsThem()
    {
        var response = Renderer.Render(new ApiResult.Ok("Nothing here"), Rendered.Request(EventRequestId()));

        Assert.Equal(["message"], Rendered.MemberNames(Rendered.Body(response)));
    }

    [Fact]
    public void Render_Created_Is201WithLocationAndData()
    {
        var product = NewProduct();
        var result = new ApiResult.Created(
            "Product created successfully",
            JsonPayload.From(product, TestJsonContext.Default.SampleProduct),
            $"/products/{product.Id}");

        var response = Renderer.Render(result, Rendered.Request(EventRequestId()));

        Assert.Equal(201, response.StatusCode);
        Assert.Equal($"/products/{product.Id}", Rendered.Header(response, "Location"));
        var body = Rendered.Body(response);
        Assert.Equal(["message", "data"], Rendered.MemberNames(body));
        Assert.Equal(product.Id, body.GetProperty("data").GetProperty("id").GetString());
        Assert.Equal("Garden hose", body.GetProperty("data").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Render_StoredSuccessBody_IsTheCreatedBodyByteForByte_MarkedWhenReplayed(bool replayed)
    {
        var product = NewProduct();
        var data = JsonPayload.From(product, TestJsonContext.Default.SampleProduct);
        var location = $"/products/{product.Id}";
        var created = Renderer.Render(new ApiResult.Created("Product created successfully", data, location), Rendered.Request(EventRequestId()));
        var stored = ApiResultRenderer.SuccessBody("Product created successfully", data);

        var response = Renderer.Render(new ApiResult.Stored(201, stored, location, replayed), Rendered.Request(EventRequestId()));

        Assert.Equal(201, response.StatusCode);
        Assert.Equal(created.Body, response.Body);
        Assert.Equal(location, Rendered.Header(response, "Location"));
        Assert.Equal(replayed ? "true" : null, Rendered.Header(response, "Idempotent-Replayed"));
        Assert.Null(Rendered.Header(response, "Cache-Control"));
    }

    [Fact]
    public void Render_StoredWithAnErrorStatus_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(
            () => Renderer.Render(new ApiResult.Stored(500, "{}"u8.ToArray(), null, Replayed: true), Rendered.Request(EventRequestId())));

    [Fact]
    public void Render_Conflict_Is409WithRetryAfterAndFieldErrors()
    {
        var requestId = EventRequestId();
        var result = new ApiResult.Conflict(
            "A request with this Idempotency-Key is in progress",
            TimeSpan.FromMilliseconds(1500),
            [new FieldError("Idempotency-Key", "is in use by a request still in progress")]);

        var response = Renderer.Render(result, Rendered.Request(requestId));

        Assert.Equal(409, response.StatusCode);
        Assert.Equal("2", Rendered.Header(response, "Retry-After"));
        var body = Rendered.Body(response);
        Assert.Equal(["message", "errors", "requestId"], Rendered.MemberNames(body));
        Assert.Equal("Idempotency-Key", body.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public void Render_Unprocessable_Is422WithMessageAndRequestId()
    {
        var requestId = EventRequestId();

        var response = Renderer.Render(new ApiResult.Unprocessable("Key reused with another body"), Rendered.Request(requestId));

        Assert.Equal(422, response.StatusCode);
        Assert.Null(Rendered.Header(response, "Retry-After"));
        var body = Rendered.Body(response);
        Assert.Equal(["message", "requestId"], Rendered.MemberNames(body));
        Assert.Equal("Key reused with another body", body.GetProperty("message").GetString());
    }

    [Fact]
    public void Render_NotFound_Is404WithMessageAndRequestId()
    {
        var requestId = EventRequestId();

        var response = Renderer.Render(new ApiResult.NotFound("Product not found"), Rendered.Request(requestId));

        Assert.Equal(404, response.StatusCode);
        var body = Rendered.Body(response);
        Assert.Equal(["message", "requestId"], Rendered.MemberNames(body));
        Assert.Equal("Product not found", body.GetProperty("message").GetString());
        Assert.Equal(requestId, body.GetProperty("requestId").GetString());
    }

    [Fact]
    public void Render_InvalidWithErrors_Is400ListingEachField()
    {
        var result = new ApiResult.Invalid(
            "Validation failed",
            [new FieldError("name", "is required"), new FieldError("price", "must be at least 0")]);

        var response = Renderer.Render(result, Rendered.Request(EventRequestId()));

        Assert.Equal(400, response.StatusCode);
        var errors = Rendered.Body(response).GetProperty("errors").EnumerateArray().ToArray();
        Assert.Equal(2, errors.Length);
        Assert.Equal("name", errors[0].GetProperty("field").GetString());
        Assert.Equal("is required", errors[0].GetProperty("problem").GetString());
        Assert.Equal("price", errors[1].GetProperty("field").GetString());
        Assert.Equal("must be at least 0", errors[1].GetProperty("problem").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Render_InvalidWithoutErrors_OmitsErrors(bool emptyList)
    {
        var result = new ApiResult.Invalid("Malformed JSON", emptyList ? [] : null);

        var response = Renderer.Render(result, Rendered.Request(EventRequestId()));

        Assert.Equal(["message", "requestId"], Rendered.MemberNames(Rendered.Body(response)));
    }

    [Fact]
    public void Render_MethodNotAllowed_Is405WithAllow()
    {
        var response = Renderer.Render(new ApiResult.MethodNotAllowed(["GET", "POST"]), Rendered.Request(EventRequestId()));

        Assert.Equal(405, response.StatusCode);
        Assert.Equal("GET, POST", Rendered.Header(response, "Allow"));
        Assert.Equal("Method not allowed", Rendered.Body(response).GetProperty("message").GetString());
    }

    [Fact]
    public void Render_UnsupportedMediaType_Is415WithMessage()
    {
        var response = Renderer.Render(
            new ApiResult.UnsupportedMediaType("Content-Type must be application/json"),
            Rendered.Request(EventRequestId()));

        Assert.Equal(415, response.StatusCode);
        Assert.Equal("Content-Type must be application/json", Rendered.Body(response).GetProperty("message").GetString());
    }

    [Fact]
    public void Render_PayloadTooLarge_Is413WithMessage()
    {
        var response = Renderer.Render(new ApiResult.PayloadTooLarge("Body exceeds 16384 bytes"), Rendered.Request(EventRequestId()));

        Assert.Equal(413, response.StatusCode);
        Assert.Equal("Body exceeds 16384 bytes", Rendered.Body(response).GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(0, "1")]
    [InlineData(-5000, "1")]
    [InlineData(200, "1")]
    [InlineData(1000, "1")]
    [InlineData(1001, "2")]
    [InlineData(30000, "30")]
    public void Render_Unavailable_Is503WithWholeSecondsRetryAfter(int milliseconds, string expected)
    {
        var response = Renderer.Render(
            new ApiResult.Unavailable(TimeSpan.FromMilliseconds(milliseconds)),
            Rendered.Request(EventRequestId()));

        Assert.Equal(503, response.StatusCode);
        Assert.Equal(expected, Rendered.Header(response, "Retry-After"));
        Assert.Equal("Service temporarily unavailable", Rendered.Body(response).GetProperty("message").GetString());
    }

    [Fact]
    public void Render_InternalError_Is500WithFixedMessageAndRequestIdOnly()
    {
        var requestId = EventRequestId();

        var response = Renderer.Render(new ApiResult.InternalError(), Rendered.Request(requestId));

        Assert.Equal(500, response.StatusCode);
        var body = Rendered.Body(response);
        Assert.Equal(["message", "requestId"], Rendered.MemberNames(body));
        Assert.Equal("Internal server error", body.GetProperty("message").GetString());
        Assert.Equal(requestId, body.GetProperty("requestId").GetString());
    }

    [Fact]
    public void Render_RequestWithoutRequestId_OmitsRequestId()
    {
        var response = Renderer.Render(new ApiResult.InternalError(), Rendered.Request(requestId: null));

        Assert.Equal(["message"], Rendered.MemberNames(Rendered.Body(response)));
    }

    [Theory]
    [InlineData("He said \"no\" \\ then left")]
    [InlineData("line1\nline2\r\ttab")]
    [InlineData("bell\u0007 nul\u0000 esc\u001b")]
    [InlineData("</script><script>alert('x')</script> & more")]
    [InlineData("prix: 12 € — 😀")]
    public void Render_ErrorTextWithSpecialCharacters_IsEscapedAndRoundTrips(string text)
    {
        var result = new ApiResult.Invalid(text, [new FieldError(text, text)]);

        var response = Renderer.Render(result, Rendered.Request(EventRequestId()));

        var body = Rendered.Body(response);
        Assert.Equal(text, body.GetProperty("message").GetString());
        Assert.Equal(text, body.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(text, body.GetProperty("errors")[0].GetProperty("problem").GetString());
        var raw = response.Body.ToArray();
        Assert.DoesNotContain(raw, octet => octet < 0x20 || octet == 0x7F);
        Assert.DoesNotContain((byte)'<', raw);
    }

    [Theory]
    [InlineData(PayloadFormat.V1)]
    [InlineData(PayloadFormat.V2)]
    public void Render_ThenWrite_GivesApiGatewayResponseWithSameBody(PayloadFormat format)
    {
        var requestId = EventRequestId();
        var response = Renderer.Render(new ApiResult.NotFound("Product not found"), Rendered.Request(requestId));

        using var written = JsonDocument.Parse(ApiGatewayResponseWriter.Write(response, format));

        var root = written.RootElement;
        Assert.Equal(404, root.GetProperty("statusCode").GetInt32());
        Assert.Equal("no-store", root.GetProperty("headers").GetProperty("Cache-Control").GetString());
        using var body = JsonDocument.Parse(root.GetProperty("body").GetString()!);
        Assert.Equal(requestId, body.RootElement.GetProperty("requestId").GetString());
    }

    private static string EventRequestId() => Guid.NewGuid().ToString();
}
