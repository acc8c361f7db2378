using Products.Data;
using Products.Data.Idempotency;
using Products.Lambda.Http;
using Products.Lambda.Logging;
using Products.Lambda.Metrics;
using Products.Lambda.Parameters;
using Products.Lambda.Runtime;

namespace CreateProduct;

/// <summary>
/// A create carrying an <c>Idempotency-Key</c>: claims the key's record, creates the product it reserves, stores the
/// answer, and answers retries from the record (replay, 409 while in progress, 422 for another body).
/// </summary>
internal sealed class IdempotentCreator(
    ProductRepository products,
    IdempotencyStore store,
    IdempotencySettings settings,
    MetricsRecorder metrics,
    StructuredLogger logger,
    TimeProvider time)
{
    // Part of every record id, so a key is bound to this operation (a later operation reusing the table cannot replay it).
    private const string Operation = "CreateProduct";

    // A running create finishes in milliseconds; a crashed one is taken over at most one function timeout later. One
    // second lets the client see the first case's answer soon without hammering during the second.
    private static readonly TimeSpan InProgressRetryAfter = TimeSpan.FromSeconds(1);

    // SSM throttled or unreachable: the settings are fine, the dependency is not (as ListProducts answers).
    private static readonly TimeSpan SettingsRetryAfter = TimeSpan.FromSeconds(1);

    public async Task<ApiResult> CreateAsync(ProductDraft draft, string key, string? callerSubject, LambdaContext context)
    {
        var ct = context.CancellationToken;
        TimeSpan retention;
        try
        {
            retention = await settings.GetRetentionAsync(ct);
        }
        catch (ParameterProviderException exception) when (exception is not ParameterNotFoundException and not ParameterTransformException)
        {
            logger.Warn("Parameter Store is unavailable", exception);
            return new ApiResult.Unavailable(SettingsRetryAfter);
        }

        var attempt = new IdempotencyAttempt(
            IdempotencyRecordId.For(Operation, callerSubject, key),
            PayloadFingerprint.Of(draft),
            retention,
            // After this Lambda has stopped the invocation for certain: a record still INPROGRESS then was left by a crash.
            time.GetUtcNow() + context.RemainingTime,
            ProductReservation.New(time));
        switch (await store.BeginAsync(attempt, ct))
        {
            case BeginOutcome.Claimed claimed:
                return await CreateClaimedAsync(draft, callerSubject, claimed.Claim, ct);
            case BeginOutcome.Replay replay:
                metrics.AddMetric("IdempotentReplay", 1, MetricUnit.Count);
                return new ApiResult.Stored(replay.Response.StatusCode, replay.Response.Body, replay.Response.Location, Replayed: true);
            case BeginOutcome.PayloadMismatch:
                return new ApiResult.Unprocessable(
                    "Idempotency-Key was already used with a different request body",
                    [new FieldError(IdempotencyKeyHeader.Name, "was used with another body; use a new key for a new product")]);
            case BeginOutcome.InProgress:
                return new ApiResult.Conflict(
                    "A request with this Idempotency-Key is still in progress",
                    InProgressRetryAfter,
                    [new FieldError(IdempotencyKeyHeader.Name, "is in use by a request still in progress; retry later")]);
            case BeginOutcome.Unavailable unavailable:
                return new ApiResult.Unavailable(unavailable.RetryAfter);
            default:
                throw new InvalidOperationException("Unexpected idempotency outcome");
        }
    }

    private async Task<ApiResult> CreateClaimedAsync(ProductDraft draft, string? callerSubject, IdempotencyClaim claim, CancellationToken ct)
    {
        CreateOutcome outcome;
        try
        {
            outcome = await products.CreateAsync(draft, callerSubject, claim.Reservation, ct);
        }
        catch
        {
            await ReleaseAsync(claim, ct);
            throw;
        }

        switch (outcome)
        {
            case CreateOutcome.Created created:
                metrics.AddMetric("ProductCreated", 1, MetricUnit.Count);
                var body = ApiResultRenderer.SuccessBody(CreatedAnswer.Message, CreatedAnswer.Data(created.Product));
                var location = CreatedAnswer.Location(created.Product);
                var stored = await store.CompleteAsync(claim, new StoredResponse(201, body, location), ct);
                if (stored is not FinishOutcome.Written)
                {
                    // The product is stored either way: a retry takes the record over once its in-progress expiry passes
                    // and, with the same reservation, answers this very product.
                    logger.Warn("The idempotency record could not be completed", LogField.Of("outcome", stored.GetType().Name));
                }

                return new ApiResult.Stored(201, body, location, Replayed: false);
            case CreateOutcome.Unavailable unavailable:
                await ReleaseAsync(claim, ct);
                return new ApiResult.Unavailable(unavailable.RetryAfter);
            case CreateOutcome.Conflict:
                await ReleaseAsync(claim, ct);
                throw CreatedAnswer.Collision();
            default:
                throw new InvalidOperationException("Unexpected create outcome");
        }
    }

    private async Task ReleaseAsync(IdempotencyClaim claim, CancellationToken ct)
    {
        // Best effort: if this fails too, the record is taken over at its in-progress expiry (the invocation's deadline).
        if (await store.ReleaseAsync(claim, ct) is not FinishOutcome.Written and var outcome)
        {
            logger.Warn("The idempotency record could not be released", LogField.Of("outcome", outcome.GetType().Name));
        }
    }
}
