using Products.Data;
using Products.Lambda.ApiGateway;
using Products.Lambda.Http;
using Products.Lambda.Metrics;
using Products.Lambda.Runtime;

namespace GetProduct;

/// <summary>GET /products/{id}: one product, read strongly consistent so a product is readable right after its POST.</summary>
internal sealed class GetProductHandler(ProductRepository products, MetricsRecorder metrics)
{
    public async Task<ApiResult> HandleAsync(ApiRequest request, LambdaContext context)
    {
        var id = request.PathParameters.GetValueOrDefault("id");
        if (!ProductId.IsValid(id))
        {
            return new ApiResult.Invalid(
                "Invalid product id",
                [new FieldError("id", "must be a product id: a UUID such as 3f2b8c1e-5d4a-4c6b-9e7f-0a1b2c3d4e5f")]);
        }

        return await products.GetAsync(id!, context.CancellationToken) switch
        {
            GetOutcome.Found found => new ApiResult.Ok(
                "Product retrieved successfully",
                JsonPayload.From(found.Product, ProductJsonContext.Default.Product)),
            GetOutcome.NotFound => NotFound(),
            GetOutcome.Unavailable unavailable => new ApiResult.Unavailable(unavailable.RetryAfter),
            var other => throw new InvalidOperationException($"Unexpected outcome {other.GetType().Name}"),
        };
    }

    private ApiResult.NotFound NotFound()
    {
        metrics.AddMetric("ProductNotFound", 1, MetricUnit.Count);
        return new ApiResult.NotFound("Product not found");
    }
}
