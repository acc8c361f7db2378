namespace Products.Data.Idempotency;

/// <summary>
/// An INPROGRESS record this attempt owns: only the holder of <see cref="Attempt"/> may complete or release it (every
/// later write is conditional on it), so an attempt that lost its record to a takeover cannot overwrite the new owner.
/// </summary>
/// <param name="RecordId">The record's key.</param>
/// <param name="Attempt">A random id of this attempt.</param>
/// <param name="PayloadHash">The fingerprint of the request.</param>
/// <param name="Reservation">
/// The product to create: this request's own for a new record, the crashed attempt's for a takeover.
/// </param>
/// <param name="Retention">How long the record is kept, counted again from completion.</param>
/// <param name="InProgressUntil">When the claim may be taken over if not completed.</param>
/// <param name="TookOver">True when the record was taken over from an attempt that crashed or released it.</param>
public sealed record IdempotencyClaim(
    string RecordId,
    string Attempt,
    string PayloadHash,
    ProductReservation Reservation,
    TimeSpan Retention,
    DateTimeOffset InProgressUntil,
    bool TookOver);
