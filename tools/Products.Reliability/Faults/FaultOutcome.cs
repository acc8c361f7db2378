namespace Products.Reliability.Faults;

/// <summary>One fault played: whether every check held, what was seen, and how long recovery took (reported, not asserted).</summary>
public sealed record FaultOutcome(string Fault, bool Passed, IReadOnlyList<string> Observations, TimeSpan? Recovery);
