namespace Products.Bench;

/// <summary>One fresh environment: spawn → first <c>next</c>, then the first invocation, and the process's peak RSS.</summary>
public sealed record ColdStartSample(double InitMs, double FirstInvocationMs, long? PeakResidentBytes)
{
    public double TotalMs => InitMs + FirstInvocationMs;
}
