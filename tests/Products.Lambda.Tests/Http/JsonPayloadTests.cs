using System.Text.Json;
using Products.Lambda.Http;

namespace Products.Lambda.Tests.Http;

public sealed class JsonPayloadTests
{
    [Fact]
    public void From_Value_SerializesWithTheGivenMetadata()
    {
        var product = new SampleProduct(Guid.NewGuid().ToString(), "Rake \"pro\"", 7.5m);

        var payload = JsonPayload.From(product, TestJsonContext.Default.SampleProduct);

        using var document = JsonDocument.Parse(payload.Utf8Json);
        Assert.Equal(product.Id, document.RootElement.GetProperty("id").GetString());
        Assert.Equal("Rake \"pro\"", document.RootElement.GetProperty("name").GetString());
        Assert.Equal(7.5m, document.RootElement.GetProperty("price").GetDecimal());
        Assert.Equal(payload.ToString(), System.Text.Encoding.UTF8.GetString(payload.Utf8Json.Span));
    }
}
