namespace Products.Bench;

/// <summary>Warm samples by target and concurrency, and each target's highest peak RSS among its environments.</summary>
public sealed class WarmResults
{
    private readonly Dictionary<(BenchTarget Target, int Concurrency), List<WarmSample>> _samples = [];

    public Dictionary<BenchTarget, long?> PeakResidentBytes { get; } = [];

    public List<WarmSample> For(BenchTarget target, int concurrency)
    {
        if (!_samples.TryGetValue((target, concurrency), out var samples))
        {
            samples = [];
            _samples[(target, concurrency)] = samples;
        }

        return samples;
    }
}
