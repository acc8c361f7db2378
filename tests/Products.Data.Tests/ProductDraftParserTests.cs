using System.Text;

namespace Products.Data.Tests;

public sealed class ProductDraftParserTests
{
    public static TheoryData<string, string, decimal, string?, string?> ValidBodies => new()
    {
        { """{"name":"Lamp","price":12.5}""", "Lamp", 12.5m, null, null },
        { """{"name":"  Lamp \t","price":1}""", "Lamp", 1m, null, null },
        { """{"price":0,"name":"Free"}""", "Free", 0m, null, null },
        { """{"name":"Lamp","price":-0}""", "Lamp", 0m, null, null },
        { """{"name":"Lamp","price":-0.0}""", "Lamp", 0m, null, null },
        { """{"name":"Lamp","price":1e2}""", "Lamp", 100m, null, null },
        { """{"name":"Lamp","price":1.50E1}""", "Lamp", 15m, null, null },
        { """{"name":"Lamp","price":100e-2}""", "Lamp", 1m, null, null },
        { """{"name":"Lamp","price":12.500}""", "Lamp", 12.5m, null, null },
        { """{"name":"Lamp","price":0.01}""", "Lamp", 0.01m, null, null },
        { """{"name":"Lamp","price":999999999.99}""", "Lamp", 999999999.99m, null, null },
        { """{"name":"Lamp","price":1,"description":"Warm light.\nTwo bulbs.","category":"Home"}""", "Lamp", 1m, "Warm light.\nTwo bulbs.", "Home" },
        { """{"name":"Lamp","price":1,"description":null,"category":null}""", "Lamp", 1m, null, null },
        { """{"name":"Lamp","price":1,"description":"","category":"   "}""", "Lamp", 1m, null, null },
        { """{"name":"Caf\u00e9 ☕ 日本","price":1,"category":" Küche "}""", "Café ☕ 日本", 1m, null, "Küche" },
        { $$"""{"name":"{{new string('n', 200)}}","price":1}""", new string('n', 200), 1m, null, null },
        { $$"""{"name":"{{Repeat("😀", 200)}}","price":1}""", Repeat("😀", 200), 1m, null, null },
        { $$"""{"name":"n","price":1,"description":"{{new string('d', 2000)}}","category":"{{new string('c', 100)}}"}""", "n", 1m, new string('d', 2000), new string('c', 100) },
        { "\uFEFF{\"name\":\"Lamp\",\"price\":2}", "Lamp", 2m, null, null },
        { " \n{ \"name\" : \"Lamp\" , \"price\" : 2 }\n ", "Lamp", 2m, null, null },
    };

    // Each body breaks exactly one rule, so exactly one problem is expected.
    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { """{"price":1}""", "name", "is required" },
        { """{"name":"Lamp"}""", "price", "is required" },
        { """{"name":"","price":1}""", "name", "must not be empty" },
        { """{"name":" \t ","price":1}""", "name", "must not be empty" },
        { $$"""{"name":"{{new string('n', 201)}}","price":1}""", "name", "must be at most 200 characters (it has 201)" },
        { $$"""{"name":"{{Repeat("😀", 201)}}","price":1}""", "name", "must be at most 200 characters (it has 201)" },
        { """{"name":"Two\nlines","price":1}""", "name", "must not contain control characters" },
        { """{"name":"Nul\u0000","price":1}""", "name", "must not contain control characters" },
        { """{"name":"Bad\ud800","price":1}""", "name", "must be valid Unicode text" },
        { """{"name":123,"price":1}""", "name", "must be a string, not a number" },
        { """{"name":null,"price":1}""", "name", "must be a string, not null" },
        { """{"name":true,"price":1}""", "name", "must be a string, not a boolean" },
        { """{"name":{"en":"Lamp"},"price":1}""", "name", "must be a string, not an object" },
        { """{"name":["Lamp"],"price":1}""", "name", "must be a string, not an array" },
        { """{"name":"Lamp","price":"12"}""", "price", "must be a JSON number such as 12.5, not a string" },
        { """{"name":"Lamp","price":null}""", "price", "must be a number, not null" },
        { """{"name":"Lamp","price":true}""", "price", "must be a number, not a boolean" },
        { """{"name":"Lamp","price":{"amount":1}}""", "price", "must be a number, not an object" },
        { """{"name":"Lamp","price":-1}""", "price", "must be zero or more" },
        { """{"name":"Lamp","price":-0.01}""", "price", "must be zero or more" },
        { """{"name":"Lamp","price":1.005}""", "price", "must have at most 2 decimal places" },
        { """{"name":"Lamp","price":999999999.995}""", "price", "must have at most 2 decimal places" },
        { """{"name":"Lamp","price":1e-30}""", "price", "must have at most 2 decimal places" },
        { """{"name":"Lamp","price":0.1234567890123456789012345678901}""", "price", "must have at most 2 decimal places" },
        { """{"name":"Lamp","price":1000000000}""", "price", "must be less than 1000000000" },
        { """{"name":"Lamp","price":1e9}""", "price", "must be less than 1000000000" },
        { """{"name":"Lamp","price":1e30}""", "price", "must be less than 1000000000" },
        { """{"name":"Lamp","price":1e999999999999}""", "price", "must be less than 1000000000" },
        { $$"""{"name":"n","price":1,"description":"{{new string('d', 2001)}}"}""", "description", "must be at most 2000 characters" },
        { """{"name":"n","price":1,"description":"Bell\u0007"}""", "description", "must not contain control characters other than tabs and line breaks" },
        { """{"name":"n","price":1,"description":7}""", "description", "must be a string, not a number" },
        { $$"""{"name":"n","price":1,"category":"{{new string('c', 101)}}"}""", "category", "must be at most 100 characters" },
        { """{"name":"n","price":1,"category":"Home\tGarden"}""", "category", "must not contain control characters" },
        { """{"name":"n","price":1,"category":["Home"]}""", "category", "must be a string, not an array" },
        { """{"name":"Lamp","price":1,"color":"red"}""", "color", "is not a known field (allowed: name, price, description, category)" },
        { """{"name":"Lamp","price":1,"id":"0b7e3c52-8d4e-4f5a-9c1b-2a3d4e5f6a7b"}""", "id", "is set by the server and cannot be sent" },
        { """{"name":"Lamp","price":1,"createdAt":"2026-01-01T00:00:00.000Z"}""", "createdAt", "is set by the server and cannot be sent" },
        { """{"name":"Lamp","price":1,"Price":2}""", "Price", "is not a known field" },
        { """{"name":"Lamp","price":1,"nested":{"deep":[1,2,{"x":null}]}}""", "nested", "is not a known field" },
        { """{"name":"Lamp","price":1,"name":"Lamp"}""", "name", "must appear only once" },
        { """{"name":"Lamp","price":1,"price":1}""", "price", "must appear only once" },
        { """{"name":"Lamp","price":1,"na\u006De":"Lamp"}""", "name", "must appear only once" },
    };

    public static TheoryData<byte[], string> MalformedBodies => new()
    {
        { ""u8.ToArray(), "The request body is empty; send a JSON object." },
        { " \r\n\t"u8.ToArray(), "The request body is empty; send a JSON object." },
        { "[]"u8.ToArray(), "The request body must be a JSON object." },
        { "\"Lamp\""u8.ToArray(), "The request body must be a JSON object." },
        { "null"u8.ToArray(), "The request body must be a JSON object." },
        { "42"u8.ToArray(), "The request body must be a JSON object." },
        { "{"u8.ToArray(), "The request body is not valid JSON" },
        { "{\"name\":\"Lamp\",\"price\":1,}"u8.ToArray(), "The request body is not valid JSON" },
        { "{\"name\":\"Lamp\",\"price\":1} {}"u8.ToArray(), "The request body is not valid JSON" },
        { "{'name':'Lamp'}"u8.ToArray(), "The request body is not valid JSON" },
        { "{/* comment */\"name\":\"Lamp\",\"price\":1}"u8.ToArray(), "The request body is not valid JSON" },
        { "{\"name\":\"Lamp\",\"price\":01}"u8.ToArray(), "The request body is not valid JSON" },
        { "{\"name\":\"Lamp\",\"price\":NaN}"u8.ToArray(), "The request body is not valid JSON" },
        { "[1] [2]"u8.ToArray(), "The request body is not valid JSON" },
        { [.. "{\"name\":\""u8, 0xFF, .. "\",\"price\":1}"u8], "The request body is not valid UTF-8 text." },
        { [.. "{\"name\":\""u8, 0xC3, .. "\",\"price\":1}"u8], "The request body is not valid UTF-8 text." },
        { [.. "{\"name\":\"La"u8, 0xEF, 0xBF, 0xBD, .. "mp\",\"price\":1}"u8], "The request body is not valid UTF-8 text (it holds U+FFFD, left where bytes were not UTF-8)." },
        { Encoding.UTF8.GetBytes("{\"name\":\"Lamp\",\"price\":1,\"x\":" + new string('[', 20) + new string(']', 20) + "}"), "The request body nests JSON more than 8 levels deep" },
        { "{\"\\ud800\":1}"u8.ToArray(), "The request body has a field name that is not valid Unicode text." },
    };

    [Theory]
    [MemberData(nameof(ValidBodies))]
    public void Parse_ValidBody_ReturnsNormalizedDraft(
        string json, string name, decimal price, string? description, string? category)
    {
        var result = Parse(json);

        var valid = Assert.IsType<DraftParseResult.Valid>(result);
        Assert.Equal(new ProductDraft(name, price, description, category), valid.Draft);
    }

    [Theory]
    [InlineData("""{"name":"Lamp","price":12.500}""", "12.5")]
    [InlineData("""{"name":"Lamp","price":1e2}""", "100")]
    [InlineData("""{"name":"Lamp","price":-0}""", "0")]
    [InlineData("""{"name":"Lamp","price":3.10}""", "3.1")]
    public void Parse_EquivalentPriceSpellings_NormalizesTrailingZeros(string json, string expectedText)
    {
        var valid = Assert.IsType<DraftParseResult.Valid>(Parse(json));

        Assert.Equal(expectedText, valid.Draft.Price.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public void Parse_BodyBreakingOneRule_ReportsThatProblemOnly(string json, string field, string problem)
    {
        var result = Parse(json);

        var invalid = Assert.IsType<DraftParseResult.Invalid>(result);
        var reported = Assert.Single(invalid.Problems);
        Assert.Equal(field, reported.Field);
        Assert.StartsWith(problem, reported.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public void Parse_MalformedBody_ReturnsMalformed(byte[] body, string problem)
    {
        var result = ProductDraftParser.Parse(body);

        var malformed = Assert.IsType<DraftParseResult.Malformed>(result);
        Assert.StartsWith(problem, malformed.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ManyProblems_ReportsThemAllAtOnce()
    {
        var result = Parse("""
            {"name":"  ","price":1.234,"description":42,"category":"A\u0001","id":"x","createdAt":"y","sku":"z"}
            """);

        var invalid = Assert.IsType<DraftParseResult.Invalid>(result);
        Assert.Equal(
            [
                new ValidationProblem("name", "must not be empty"),
                new ValidationProblem("price", "must have at most 2 decimal places"),
                new ValidationProblem("description", "must be a string, not a number"),
                new ValidationProblem("category", "must not contain control characters (such as line breaks or tabs)"),
                new ValidationProblem("id", "is set by the server and cannot be sent"),
                new ValidationProblem("createdAt", "is set by the server and cannot be sent"),
                new ValidationProblem("sku", "is not a known field (allowed: name, price, description, category)"),
            ],
            invalid.Problems);
    }

    [Fact]
    public void Parse_EmptyObject_ReportsBothRequiredFields()
    {
        var invalid = Assert.IsType<DraftParseResult.Invalid>(Parse("{}"));

        Assert.Equal(
            [new ValidationProblem("name", "is required"), new ValidationProblem("price", "is required")],
            invalid.Problems);
    }

    [Fact]
    public void Parse_SameUnknownFieldTwice_ReportsItOnce()
    {
        var invalid = Assert.IsType<DraftParseResult.Invalid>(Parse("""{"name":"n","price":1,"x":1,"x":2}"""));

        Assert.Equal("x", Assert.Single(invalid.Problems).Field);
    }

    [Fact]
    public void Parse_HundredsOfUnknownFields_CapsTheReport()
    {
        var fields = string.Concat(Enumerable.Range(0, 500).Select(i => $",\"f{i}\":0"));

        var invalid = Assert.IsType<DraftParseResult.Invalid>(Parse($$"""{"name":"n","price":1{{fields}}}"""));

        Assert.Equal(ProductLimits.MaxReportedProblems, invalid.Problems.Count);
        Assert.Equal("f0", invalid.Problems[0].Field);
    }

    [Fact]
    public void Parse_LongUnknownFieldName_EchoesItShortened()
    {
        var longName = new string('x', 5000);

        var invalid = Assert.IsType<DraftParseResult.Invalid>(Parse($$"""{"name":"n","price":1,"{{longName}}":0}"""));

        var field = Assert.Single(invalid.Problems).Field;
        Assert.Equal(new string('x', 64) + "…", field);
    }

    private static DraftParseResult Parse(string json) => ProductDraftParser.Parse(Encoding.UTF8.GetBytes(json));

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));
}
