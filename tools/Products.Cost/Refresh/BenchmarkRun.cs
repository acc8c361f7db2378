using System.Text.Json.Serialization;

namespace Products.Cost.Refresh;

/// <summary>The parts of docs/benchmarks.json (written by tools/Products.Bench) the cost model uses; the rest is skipped.</summary>
public sealed record BenchmarkRun(
    string Command, string RunAt, string Machine, int ColdStarts, int WarmRequests, IReadOnlyList<BenchmarkResult> Results);

public sealed record BenchmarkResult(
    string Function,
    string Variant,
    BenchmarkPercentiles ColdInitMs,
    BenchmarkPercentiles ColdFirstInvocationMs,
    IReadOnlyDictionary<string, BenchmarkPercentiles> WarmMs);

public sealed record BenchmarkPercentiles(double P50);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(BenchmarkRun))]
internal sealed partial class BenchmarkJsonContext : JsonSerializerContext;
