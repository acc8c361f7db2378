namespace Products.Data.Idempotency;

/// <summary>A stored idempotency record as read back (see <see cref="IdempotencyItem"/> for its item format).</summary>
/// <param name="Attempt">The attempt that last wrote it.</param>
/// <param name="PayloadHash">The fingerprint of the request that created it.</param>
/// <param name="ExpirationSeconds">Epoch seconds after which the record counts as absent.</param>
/// <param name="InProgressExpiryMilliseconds">Epoch milliseconds after which an INPROGRESS record may be taken over.</param>
/// <param name="Reservation">The product the record's requests create.</param>
/// <param name="Response">The stored answer of a COMPLETED record; null while INPROGRESS.</param>
internal sealed record IdempotencyRecord(
    string Attempt,
    string PayloadHash,
    long ExpirationSeconds,
    long InProgressExpiryMilliseconds,
    ProductReservation Reservation,
    StoredResponse? Response)
{
    /// <summary>
    /// DynamoDB deletes expired items up to a few days late and dynalite never does, so an expired record is treated as
    /// absent here as well (as Powertools does).
    /// </summary>
    public bool IsExpired(DateTimeOffset now) => ExpirationSeconds < now.ToUnixTimeSeconds();

    public bool IsCompleted => Response is not null;

    public bool InProgressHasExpired(DateTimeOffset now) => InProgressExpiryMilliseconds < now.ToUnixTimeMilliseconds();
}
