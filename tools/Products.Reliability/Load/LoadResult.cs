namespace Products.Reliability.Load;

/// <summary>
/// What a load run observed: every request, every acknowledged product, read-backs that did not match, and how
/// closely the arrivals kept to the schedule (<see cref="MaxArrivalLag"/>: the latest a virtual user started).
/// </summary>
public sealed record LoadResult(
    LoadProfile Profile,
    IReadOnlyList<RequestSample> Samples,
    IReadOnlyList<CreatedProduct> Created,
    IReadOnlyList<string> ReadBackMismatches,
    TimeSpan ArrivalsTook,
    TimeSpan Took,
    TimeSpan MaxArrivalLag)
{
    public int ServerErrors => Samples.Count(s => s.Status >= 500);

    public int NoAnswer => Samples.Count(s => s.Status == 0);
}
