using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Products.Data.Idempotency;

/// <summary>
/// The DynamoDB item of an idempotency record, after Powertools for AWS Lambda's Idempotency utility: id (S, hash key),
/// status (S, INPROGRESS or COMPLETED), payloadHash (S), expiration (N, epoch seconds: the table's TTL attribute),
/// inProgressExpiry (N, epoch milliseconds; INPROGRESS only), plus attempt (S, the writer's id), productId and createdAt
/// (S, the reserved product) and, once COMPLETED, responseStatus (N), responseBody (B) and responseLocation (S, optional).
/// </summary>
internal static class IdempotencyItem
{
    public const string Id = "id";
    public const string Status = "status";
    public const string PayloadHash = "payloadHash";
    public const string Expiration = "expiration";
    public const string InProgressExpiry = "inProgressExpiry";
    public const string Attempt = "attempt";
    public const string ReservedId = "productId";
    public const string ReservedCreatedAt = "createdAt";
    public const string ResponseStatus = "responseStatus";
    public const string ResponseBody = "responseBody";
    public const string ResponseLocation = "responseLocation";

    public const string InProgressStatus = "INPROGRESS";
    public const string CompletedStatus = "COMPLETED";

    public static Dictionary<string, AttributeValue> Key(string recordId) => new() { [Id] = new AttributeValue { S = recordId } };

    /// <summary>An INPROGRESS record owned by <paramref name="claim"/>, expiring <paramref name="expiration"/>.</summary>
    public static Dictionary<string, AttributeValue> InProgress(IdempotencyClaim claim, DateTimeOffset expiration)
    {
        var item = Common(claim, InProgressStatus, expiration);
        item[InProgressExpiry] = Number(claim.InProgressUntil.ToUnixTimeMilliseconds());
        return item;
    }

    /// <summary>The COMPLETED record of <paramref name="claim"/> holding <paramref name="response"/>.</summary>
    public static Dictionary<string, AttributeValue> Completed(IdempotencyClaim claim, StoredResponse response, DateTimeOffset expiration)
    {
        var item = Common(claim, CompletedStatus, expiration);
        item[ResponseStatus] = Number(response.StatusCode);
        item[ResponseBody] = new AttributeValue { B = new MemoryStream(response.Body.ToArray(), writable: false) };
        if (response.Location is not null)
        {
            item[ResponseLocation] = new AttributeValue { S = response.Location };
        }

        return item;
    }

    /// <exception cref="CorruptIdempotencyRecordException">An attribute is missing or unreadable.</exception>
    public static IdempotencyRecord FromItem(Dictionary<string, AttributeValue> item)
    {
        var status = RequiredString(item, Status);
        var reservation = new ProductReservation(RequiredString(item, ReservedId), ReadTimestamp(item));
        if (!Products.Data.ProductId.IsValid(reservation.Id))
        {
            throw Corrupt(ReservedId, "a product id");
        }

        StoredResponse? response = null;
        var inProgressExpiry = 0L;
        switch (status)
        {
            case InProgressStatus:
                inProgressExpiry = RequiredNumber(item, InProgressExpiry);
                break;
            case CompletedStatus:
                var body = item.GetValueOrDefault(ResponseBody)?.B ?? throw Corrupt(ResponseBody, "binary");
                response = new StoredResponse(
                    checked((int)RequiredNumber(item, ResponseStatus)),
                    body.ToArray(),
                    item.GetValueOrDefault(ResponseLocation)?.S);
                break;
            default:
                throw Corrupt(Status, $"{InProgressStatus} or {CompletedStatus}");
        }

        return new IdempotencyRecord(
            RequiredString(item, Attempt),
            RequiredString(item, PayloadHash),
            RequiredNumber(item, Expiration),
            inProgressExpiry,
            reservation,
            response);
    }

    private static Dictionary<string, AttributeValue> Common(IdempotencyClaim claim, string status, DateTimeOffset expiration) => new()
    {
        [Id] = new() { S = claim.RecordId },
        [Status] = new() { S = status },
        [PayloadHash] = new() { S = claim.PayloadHash },
        [Expiration] = Number(expiration.ToUnixTimeSeconds()),
        [Attempt] = new() { S = claim.Attempt },
        [ReservedId] = new() { S = claim.Reservation.Id },
        [ReservedCreatedAt] = new() { S = ProductTimestamp.ToText(claim.Reservation.CreatedAt) },
    };

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static DateTimeOffset ReadTimestamp(Dictionary<string, AttributeValue> item) =>
        ProductTimestamp.TryParse(item.GetValueOrDefault(ReservedCreatedAt)?.S, out var createdAt)
            ? createdAt
            : throw Corrupt(ReservedCreatedAt, "an ISO 8601 timestamp");

    private static string RequiredString(Dictionary<string, AttributeValue> item, string attribute) =>
        item.GetValueOrDefault(attribute)?.S is { Length: > 0 } value ? value : throw Corrupt(attribute, "a string");

    private static long RequiredNumber(Dictionary<string, AttributeValue> item, string attribute) =>
        long.TryParse(item.GetValueOrDefault(attribute)?.N, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Corrupt(attribute, "a whole number");

    // Names the attribute, never the record's id or content (it may hold a caller's request).
    private static CorruptIdempotencyRecordException Corrupt(string attribute, string expected) =>
        new($"An idempotency record has no readable '{attribute}' attribute (expected {expected}).");
}
