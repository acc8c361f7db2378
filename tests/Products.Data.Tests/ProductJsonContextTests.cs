using System.Text.Json;

namespace Products.Data.Tests;

public sealed class ProductJsonContextTests
{
    [Fact]
    public void Serialize_ProductWithoutOptionalFields_OmitsThem()
    {
        var product = new Product(
            "0b7e3c52-8d4e-4f5a-9c1b-2a3d4e5f6a7b", "Lamp", 12.5m, null, null,
            new DateTimeOffset(2026, 1, 31, 9, 15, 0, 123, TimeSpan.Zero));

        var json = JsonSerializer.Serialize(product, ProductJsonContext.Default.Product);

        Assert.Equal(
            """{"id":"0b7e3c52-8d4e-4f5a-9c1b-2a3d4e5f6a7b","name":"Lamp","price":12.5,"createdAt":"2026-01-31T09:15:00.123Z"}""",
            json);
    }

    [Fact]
    public void Serialize_FullProductWithOffsetTime_WritesUtcWithMilliseconds()
    {
        var product = new Product(
            "0b7e3c52-8d4e-4f5a-9c1b-2a3d4e5f6a7b", "Lamp \"XL\"", 0m, "Warm.", "Home",
            new DateTimeOffset(2026, 1, 31, 11, 15, 0, TimeSpan.FromHours(2)),
            "client-7f3a");

        var json = JsonSerializer.Serialize(product, ProductJsonContext.Default.Product);

        Assert.Equal(
            """{"id":"0b7e3c52-8d4e-4f5a-9c1b-2a3d4e5f6a7b","name":"Lamp \u0022XL\u0022","price":0,"description":"Warm.","category":"Home","createdAt":"2026-01-31T09:15:00.000Z","createdBy":"client-7f3a"}""",
            json);
    }

    [Fact]
    public void Deserialize_SerializedProduct_RoundTrips()
    {
        var product = new Product(
            ProductId.NewId(), "Lamp", 999999999.99m, "d", "c",
            new DateTimeOffset(2026, 1, 31, 9, 15, 0, 7, TimeSpan.Zero),
            "auth0|5fe435b5");

        var json = JsonSerializer.Serialize(product, ProductJsonContext.Default.Product);

        Assert.Equal(product, JsonSerializer.Deserialize(json, ProductJsonContext.Default.Product));
    }

    [Fact]
    public void Serialize_Problems_UsesCamelCase()
    {
        IReadOnlyList<ValidationProblem> problems = [new("name", "is required")];

        var json = JsonSerializer.Serialize(problems, ProductJsonContext.Default.IReadOnlyListValidationProblem);

        Assert.Equal("""[{"field":"name","problem":"is required"}]""", json);
    }
}
