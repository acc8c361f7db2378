using System.Text.Json.Serialization;

namespace Products.Data;

/// <summary>
/// Source-generated JSON metadata for the API shapes of the domain types (no reflection, AOT-safe): camelCase names,
/// <c>price</c> as a JSON number, null <c>description</c>/<c>category</c> omitted, <c>createdAt</c> as ISO 8601 UTC
/// with milliseconds and 'Z'. Use e.g. <c>JsonSerializer.Serialize(writer, product, ProductJsonContext.Default.Product)</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(UtcMillisecondsConverter)])]
[JsonSerializable(typeof(Product))]
[JsonSerializable(typeof(IReadOnlyList<Product>))]
[JsonSerializable(typeof(IReadOnlyList<ValidationProblem>))]
public sealed partial class ProductJsonContext : JsonSerializerContext;
