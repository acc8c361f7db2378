using Products.Data;
using Products.Lambda.ApiGateway;
using Products.Lambda.Http;
using Products.Lambda.Metrics;
using Products.Lambda.Runtime;

namespace CreateProduct;

/// <summary>
/// POST /products: validates the request completely before anything is written, then stores the product once. With an
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
                return await idempotent.CreateAsync(valid.Draft, key, CallerSubject(request), context);
            case DraftParseResult.Valid valid:
                return await CreateAsync(valid.Draft, context.CancellationToken);
            default:
                throw new InvalidOperationException("Unexpected parse result");
        }
    }

    // Keys are scoped per caller: the token subject once writes are authorized, the anonymous scope until then.
    private static string? CallerSubject(ApiRequest request) => null;

    private async Task<ApiResult> CreateAsync(ProductDraft draft, CancellationToken ct)
    {
        switch (await products.CreateAsync(draft, ct))
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
