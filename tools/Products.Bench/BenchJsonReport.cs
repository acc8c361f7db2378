using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Products.Tooling;

namespace Products.Bench;

/// <summary>
/// docs/benchmarks.json: the run's figures in machine-readable form, next to benchmarks.md, for tools that build on
/// them (tools/Products.Cost reads the shipped variant's durations from it with its <c>refresh</c> command).
/// </summary>
public static class BenchJsonReport
{
    public const string File = "benchmarks.json";

    public static string Render(IReadOnlyList<TargetResult> results, BenchOptions options, MachineInfo machine) =>
        JsonSerializer.Serialize(
            new BenchRunJson(
                options.CommandLine,
                DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
                $"{machine.Cpu}, {machine.Cores} cores, {machine.Memory}; {machine.OperatingSystem}; {machine.Dotnet}",
                options.ColdStarts,
                options.WarmRequests,
                results.Select(r => new BenchResultJson(
                    r.Target.Function.Label,
                    r.Target.Variant.Label,
                    r.ColdTotal,
                    r.ColdInit,
                    r.ColdFirstInvocation,
                    r.Warm.ToDictionary(w => w.Key.ToString(CultureInfo.InvariantCulture), w => w.Value),
                    r.Overhead.ToDictionary(o => o.Key.ToString(CultureInfo.InvariantCulture), o => o.Value),
                    r.PeakResidentBytes,
                    r.Target.FunctionZipBytes,
                    r.Target.LayerZipBytes)).ToList()),
            BenchJsonContext.Default.BenchRunJson);
}

/// <param name="Warm">Warm round trip per concurrency ("1", "8"); <paramref name="Overhead"/> the emulator's share of it.</param>
internal sealed record BenchResultJson(
    string Function,
    string Variant,
    Percentiles ColdTotalMs,
    Percentiles ColdInitMs,
    Percentiles ColdFirstInvocationMs,
    IReadOnlyDictionary<string, Percentiles> WarmMs,
    IReadOnlyDictionary<string, Percentiles> OverheadMs,
    long? PeakResidentBytes,
    long FunctionZipBytes,
    long? LayerZipBytes);

internal sealed record BenchRunJson(
    string Command, string RunAt, string Machine, int ColdStarts, int WarmRequests, IReadOnlyList<BenchResultJson> Results);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(BenchRunJson))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
