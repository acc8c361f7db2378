using Products.Data;
using Products.Lambda.ApiGateway;
using Products.Lambda.Http;
using Products.Lambda.Metrics;
using Products.Lambda.Runtime;

namespace CreateProduct;

/// <summary>
/// POST /products: validates the request completely before anything is written, then stores the product once, recording
/// the caller's token subject as <c>createdBy</c>. The token itself was verified by API Gateway's JWT authorizer before
/// the function was invoked (template.yaml); the function only reads the claims the authorizer passed. With an
/// <c>Idempotency-Key</c> the create goes through <see cref="IdempotentCreator"/>; without one, nothing else is read.
/// </summary>
internal sealed class CreateProductHandler(ProductRepository products, IdempotentCreator idempotent, MetricsRecorder metrics)
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

        if (!IdempotencyKeyHeader.TryRead(request.Headers, out var key, out var keyProblem))
        {
            return new ApiResult.Invalid(
                $"Invalid {IdempotencyKeyHeader.Name} header", [new FieldError(IdempotencyKeyHeader.Name, keyProblem!)]);
        }

        switch (ProductDraftParser.Parse(request.Body.Span))
        {
            case DraftParseResult.Malformed malformed:
                return new ApiResult.Invalid("Malformed JSON body", [new FieldError("body", malformed.Problem)]);
            case DraftParseResult.Invalid invalid:
                return new ApiResult.Invalid(
                    "Invalid product",
                    [.. invalid.Problems.Select(static p => new FieldError(p.Field, p.Problem))]);
            case DraftParseResult.Valid valid when key is not null:
                // The key is scoped to the caller: the token subject, the anonymous scope without one.
                return await idempotent.CreateAsync(valid.Draft, key, request.CallerSubject, context);
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
                    CreatedAnswer.Message, CreatedAnswer.Data(created.Product), CreatedAnswer.Location(created.Product));
            case CreateOutcome.Unavailable unavailable:
                return new ApiResult.Unavailable(unavailable.RetryAfter);
            case CreateOutcome.Conflict:
                // A fresh UUID v4 colliding means a broken random source, not a client error: never overwrite, fail loudly.
                throw CreatedAnswer.Collision();
            default:
                throw new InvalidOperationException("Unexpected create outcome");
        }
    }
}
