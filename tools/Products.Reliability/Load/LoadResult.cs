namespace Products.Reliability.Load;

/// <summary>
/// What a load run observed: every request (each attempt of a retried create is one), every key's creates, read-backs
/// that did not match, and how closely the arrivals kept to the schedule (<see cref="MaxArrivalLag"/>: the latest a
/// virtual user started).
/// </summary>
public sealed record LoadResult(
    LoadProfile Profile,
    IReadOnlyList<RequestSample> Samples,
    IReadOnlyList<KeyedCreate> Creates,
    IReadOnlyList<string> ReadBackMismatches,
    TimeSpan ArrivalsTook,
    TimeSpan Took,
    TimeSpan MaxArrivalLag)
{
    public int ServerErrors => Samples.Count(s => s.Status >= 500);

    public int NoAnswer => Samples.Count(s => s.Status == 0);

    /// <summary>One product per acknowledged key: the final 201's.</summary>
    public IReadOnlyList<CreatedProduct> Created => [.. Creates.Select(c => c.Acknowledged).OfType<CreatedProduct>()];

    /// <summary>Statuses that were retried, with how often (0: no answer).</summary>
    public IReadOnlyDictionary<int, int> RetriedAfter => Creates
        .SelectMany(c => c.Statuses.Take(c.Retries))
        .GroupBy(status => status)
        .OrderBy(group => group.Key)
        .ToDictionary(group => group.Key, group => group.Count());
}
