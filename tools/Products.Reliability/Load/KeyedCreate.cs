namespace Products.Reliability.Load;

/// <summary>
/// One virtual user's create as a retrying client sends it: the same <c>Idempotency-Key</c> on every attempt, retried
/// on 5xx, 409 and no answer, until a 201 or the last attempt.
/// </summary>
/// <param name="Key">The key every attempt carried.</param>
/// <param name="Statuses">Each attempt's status, in order (0: no answer).</param>
/// <param name="Acknowledged">The product of the final 201, or null when the client gave up or was refused.</param>
/// <param name="Replayed">True when that 201 carried <c>Idempotent-Replayed: true</c>.</param>
public sealed record KeyedCreate(string Key, IReadOnlyList<int> Statuses, CreatedProduct? Acknowledged, bool Replayed)
{
    public int Retries => Statuses.Count - 1;
}
