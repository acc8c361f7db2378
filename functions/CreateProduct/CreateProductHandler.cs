using Products.Data;
using Products.Lambda.ApiGateway;
using Products.Lambda.Http;
using Products.Lambda.Metrics;
using Products.Lambda.Runtime;

namespace CreateProduct;

/// <summary>
/// POST /products: validates the draft completely before anything is written, then stores it once, recording the
/// caller's token subject as <c>createdBy</c>. The token itself was verified by API Gateway's JWT authorizer before the
/// function was invoked (template.yaml); the function only reads the claims the authorizer passed.
/// </summary>
internal sealed class CreateProductHandler(ProductRepository products, MetricsRecorder metrics)
{
    public async Task<ApiResult> HandleAsync(ApiRequest request, LambdaContext context)
    {
        if (!request.HasJsonContentType())
        {
            return new ApiResult.UnsupportedMediaType("Content-Type must be application/json");
        }

        if (request.Body.Length > ProductLimits.MaxRequestBodyBytes)
        {
            return new ApiResult.PayloadTooLarge(
                $"Request body must be at most {ProductLimits.MaxRequestBodyBytes} bytes");
        }

        switch (ProductDraftParser.Parse(request.Body.Span))
        {
            case DraftParseResult.Malformed malformed:
                return new ApiResult.Invalid("Malformed JSON body", [new FieldError("body", malformed.Problem)]);
            case DraftParseResult.Invalid invalid:
                return new ApiResult.Invalid(
                    "Invalid product",
                    [.. invalid.Problems.Select(static p => new FieldError(p.Field, p.Problem))]);
            case DraftParseResult.Valid valid:
                return await CreateAsync(valid.Draft, request.CallerSubject, context.CancellationToken);
            default:
                throw new InvalidOperationException("Unexpected parse result");
        }
    }

    private async Task<ApiResult> CreateAsync(ProductDraft draft, string? createdBy, CancellationToken ct)
    {
        switch (await products.CreateAsync(draft, createdBy, ct))
        {
            case CreateOutcome.Created created:
                metrics.AddMetric("ProductCreated", 1, MetricUnit.Count);
                return new ApiResult.Created(
                    "Product created successfully",
                    JsonPayload.From(created.Product, ProductJsonContext.Default.Product),
                    "/products/" + created.Product.Id);
            case CreateOutcome.Unavailable unavailable:
                return new ApiResult.Unavailable(unavailable.RetryAfter);
            case CreateOutcome.Conflict:
                // A fresh UUID v4 colliding means a broken random source, not a client error: never overwrite, fail loudly.
                throw new InvalidOperationException("A newly generated product id already exists.");
            default:
                throw new InvalidOperationException("Unexpected create outcome");
        }
    }
}
