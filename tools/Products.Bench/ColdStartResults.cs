namespace Products.Bench;

/// <summary>Cold starts of every target through the emulator, and the same under the minimal Runtime API.</summary>
internal sealed record ColdStartResults(
    Dictionary<BenchTarget, List<ColdStartSample>> Emulator,
    Dictionary<BenchTarget, List<ColdStartSample>> MinimalRuntimeApi);
