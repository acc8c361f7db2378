using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Products.Data.Idempotency;

/// <summary>
/// Idempotency records in their own DynamoDB table, with the state machine of Powertools for AWS Lambda's Idempotency
/// utility: a request with a key writes an INPROGRESS record with a conditional put; on success the answer is stored
/// and the record becomes COMPLETED; retries with the same payload get that answer, with another payload a mismatch,
/// while the first still runs "in progress". Only conditional PutItem and consistent GetItem are used (no transactions,
/// which dynalite lacks). Failures come back as outcome values like <see cref="ProductRepository"/>'s: throttling,
/// 5xx, network errors and cancellation of <c>ct</c> (the Lambda deadline) are <c>Unavailable</c>.
/// </summary>
/// <remarks>
/// One addition to Powertools: a record reserves the product (id and creation time) its request creates, and an
/// attempt that takes over a crashed one keeps that reservation. A crash after the product was stored but before the
/// record was completed therefore ends, on retry, with the product that was stored, never a second one.
/// </remarks>
/// <param name="client">A client from <see cref="DynamoDbClientFactory"/>, created once per process.</param>
/// <param name="tableName">The idempotency table (hash key <c>id</c>, TTL on <c>expiration</c>).</param>
/// <param name="time">Clock for expirations.</param>
public sealed class IdempotencyStore(IAmazonDynamoDB client, string tableName, TimeProvider time)
{
    // Rounds of "put failed, read, act": another attempt can change the record between our put and read (delete by
    // TTL, completion, takeover); Powertools retries such inconsistent reads too. Past this, report it as in progress.
    private const int MaxRounds = 3;

    // A record nobody holds, or one whose retention has passed (expired items linger until TTL deletes them).
    private const string AbsentOrExpired = "attribute_not_exists(#id) OR #expiration < :now";

    // Exactly the record a given attempt wrote last, still INPROGRESS: completion, release and takeover are conditional
    // on it, so two attempts can never both own a record.
    private const string OwnedInProgress = "#attempt = :attempt AND #status = :inProgress";

    /// <summary>
    /// Claims the record of <paramref name="attempt"/> or reports why not: a live record with another payload
    /// (<see cref="BeginOutcome.PayloadMismatch"/>), a completed one (<see cref="BeginOutcome.Replay"/>), or one still in
    /// progress. An INPROGRESS record whose in-progress expiry has passed belongs to a crashed attempt and is taken over.
    /// </summary>
    public async Task<BeginOutcome> BeginAsync(IdempotencyAttempt attempt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        try
        {
            for (var round = 0; round < MaxRounds; round++)
            {
                var fresh = NewClaim(attempt, attempt.Reservation, tookOver: false);
                var now = time.GetUtcNow();
                if (await TryPutAsync(IdempotencyItem.InProgress(fresh, now + attempt.Retention), AbsentOrExpired, NowValues(now), ct))
                {
                    return new BeginOutcome.Claimed(fresh);
                }

                var existing = await ReadAsync(attempt.RecordId, ct);
                now = time.GetUtcNow();
                if (existing is null || existing.IsExpired(now))
                {
                    continue; // deleted or expired since the put failed: put again
                }

                if (!string.Equals(existing.PayloadHash, attempt.PayloadHash, StringComparison.Ordinal))
                {
                    return new BeginOutcome.PayloadMismatch();
                }

                if (existing.Response is { } response)
                {
                    return new BeginOutcome.Replay(response);
                }

                if (!existing.InProgressHasExpired(now))
                {
                    return new BeginOutcome.InProgress(DateTimeOffset.FromUnixTimeMilliseconds(existing.InProgressExpiryMilliseconds));
                }

                var takeover = NewClaim(attempt, existing.Reservation, tookOver: true);
                if (await TryPutAsync(IdempotencyItem.InProgress(takeover, now + attempt.Retention), OwnedInProgress, OwnerValues(existing.Attempt), ct))
                {
                    return new BeginOutcome.Claimed(takeover);
                }

                // Another attempt completed or took the record first: look again.
            }

            return new BeginOutcome.InProgress(time.GetUtcNow());
        }
        catch (Exception e) when (DynamoDbFailures.IsTransient(e, out var retryAfter))
        {
            return new BeginOutcome.Unavailable(retryAfter);
        }
    }

    /// <summary>
    /// Stores <paramref name="response"/> and marks the record COMPLETED, kept for the retention from now, if
    /// <paramref name="claim"/> still owns it.
    /// </summary>
    public Task<FinishOutcome> CompleteAsync(IdempotencyClaim claim, StoredResponse response, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(response);
        return FinishAsync(IdempotencyItem.Completed(claim, response, time.GetUtcNow() + claim.Retention), claim, ct);
    }

    /// <summary>
    /// Gives the record up after a failure that stored no answer, if <paramref name="claim"/> still owns it, so a retry
    /// may take it over at once instead of waiting for the in-progress expiry.
    /// </summary>
    /// <remarks>
    /// Powertools deletes the record here. Releasing keeps it, with its in-progress expiry in the past: the failed
    /// attempt may have stored the product after all (a put that timed out after DynamoDB wrote it), and the kept
    /// reservation makes the retry converge on that product; a deleted record would let the retry create a second one.
    /// A retry with another payload still gets a mismatch for the same reason.
    /// </remarks>
    public Task<FinishOutcome> ReleaseAsync(IdempotencyClaim claim, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var released = claim with { InProgressUntil = DateTimeOffset.UnixEpoch };
        return FinishAsync(IdempotencyItem.InProgress(released, time.GetUtcNow() + claim.Retention), claim, ct);
    }

    private async Task<FinishOutcome> FinishAsync(Dictionary<string, AttributeValue> item, IdempotencyClaim claim, CancellationToken ct)
    {
        try
        {
            return await TryPutAsync(item, OwnedInProgress, OwnerValues(claim.Attempt), ct)
                ? new FinishOutcome.Written()
                : new FinishOutcome.NotOwned();
        }
        catch (Exception e) when (DynamoDbFailures.IsTransient(e, out var retryAfter))
        {
            return new FinishOutcome.Unavailable(retryAfter);
        }
    }

    private static IdempotencyClaim NewClaim(IdempotencyAttempt attempt, ProductReservation reservation, bool tookOver) => new(
        attempt.RecordId,
        Guid.NewGuid().ToString("N"),
        attempt.PayloadHash,
        reservation,
        attempt.Retention,
        attempt.InProgressUntil,
        tookOver);

    private async Task<bool> TryPutAsync(
        Dictionary<string, AttributeValue> item, string condition, Dictionary<string, AttributeValue> values, CancellationToken ct)
    {
        // Placeholders for every name: "status" is a DynamoDB reserved word, the others are kept safe from becoming one.
        // DynamoDB refuses placeholders an expression does not use, so only those of this condition are sent.
        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["#id"] = IdempotencyItem.Id,
            ["#expiration"] = IdempotencyItem.Expiration,
            ["#attempt"] = IdempotencyItem.Attempt,
            ["#status"] = IdempotencyItem.Status,
        };
        names = names.Where(name => condition.Contains(name.Key, StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal);

        try
        {
            await client.PutItemAsync(
                new PutItemRequest
                {
                    TableName = tableName,
                    Item = item,
                    ConditionExpression = condition,
                    ExpressionAttributeNames = names,
                    ExpressionAttributeValues = values,
                },
                ct);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private async Task<IdempotencyRecord?> ReadAsync(string recordId, CancellationToken ct)
    {
        var response = await client.GetItemAsync(
            new GetItemRequest { TableName = tableName, Key = IdempotencyItem.Key(recordId), ConsistentRead = true }, ct);
        // SDK v4 leaves collections null rather than empty when DynamoDB sends none.
        return response.Item is { Count: > 0 } item ? IdempotencyItem.FromItem(item) : null;
    }

    private static Dictionary<string, AttributeValue> NowValues(DateTimeOffset now) => new()
    {
        [":now"] = new AttributeValue { N = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
    };

    private static Dictionary<string, AttributeValue> OwnerValues(string attempt) => new()
    {
        [":attempt"] = new AttributeValue { S = attempt },
        [":inProgress"] = new AttributeValue { S = IdempotencyItem.InProgressStatus },
    };
}
