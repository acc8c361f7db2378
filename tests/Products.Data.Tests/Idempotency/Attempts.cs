using System.Text;
using Products.Data.Idempotency;

namespace Products.Data.Tests.Idempotency;

/// <summary>Requests to the idempotency store as CreateProduct would make them.</summary>
internal static class Attempts
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public static readonly TimeSpan FunctionTimeout = TimeSpan.FromSeconds(10);

    public static string NewRecordId() => IdempotencyRecordId.For("CreateProduct", null, Guid.NewGuid().ToString("N"));

    public static string Hash(string name) => PayloadFingerprint.Of(new ProductDraft(name, 1m, null, null));

    /// <summary>An attempt whose invocation has <see cref="FunctionTimeout"/> left, as the first request of a key.</summary>
    public static IdempotencyAttempt For(string recordId, string payloadHash, TimeProvider clock) => new(
        recordId,
        payloadHash,
        Retention,
        clock.GetUtcNow() + FunctionTimeout,
        ProductReservation.New(clock));

    public static StoredResponse Response(ProductReservation reservation) => new(
        201,
        Encoding.UTF8.GetBytes($$$"""{"message":"Product created successfully","data":{"id":"{{{reservation.Id}}}"}}"""),
        "/products/" + reservation.Id);
}
