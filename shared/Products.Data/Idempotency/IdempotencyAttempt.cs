namespace Products.Data.Idempotency;

/// <summary>What a request carrying an idempotency key asks of <see cref="IdempotencyStore.BeginAsync"/>.</summary>
/// <param name="RecordId">From <see cref="IdempotencyRecordId.For"/>.</param>
/// <param name="PayloadHash">From <see cref="PayloadFingerprint.Of"/>.</param>
/// <param name="Retention">How long the record and its answer are kept (the <c>expiration</c> TTL attribute).</param>
/// <param name="InProgressUntil">
/// When this attempt counts as crashed if it has not finished: the invocation's deadline (now + its remaining time), after
/// which Lambda has stopped it for certain, so another attempt may take the record over.
/// </param>
/// <param name="Reservation">The product this request creates if no earlier attempt reserved one.</param>
public sealed record IdempotencyAttempt(
    string RecordId,
    string PayloadHash,
    TimeSpan Retention,
    DateTimeOffset InProgressUntil,
    ProductReservation Reservation);
