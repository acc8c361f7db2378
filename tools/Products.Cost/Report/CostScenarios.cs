using Products.Cost.Model;
using Products.Cost.Pricing;

namespace Products.Cost.Report;

/// <summary>The configurations docs/cost.md compares; every figure in it comes from <see cref="CostCalculator"/>.</summary>
public static class CostScenarios
{
    public static IReadOnlyList<decimal> TrafficLevels { get; } = [1_000_000m, 10_000_000m, 100_000_000m, 1_000_000_000m];

    public static IReadOnlyList<int> MemorySizes { get; } = [128, 256, 512, 1024];

    /// <summary>The template's configuration: what `sam deploy` creates, priced at prod's log level.</summary>
    public static Workload Shipped { get; } = new();

    public static IReadOnlyList<(ApiType Api, Architecture Architecture)> Columns { get; } =
    [
        (ApiType.Http, Architecture.X86_64),
        (ApiType.Http, Architecture.Arm64),
        (ApiType.Rest, Architecture.X86_64),
        (ApiType.Rest, Architecture.Arm64),
    ];

    public static string Label((ApiType Api, Architecture Architecture) column) =>
        $"{Output.Names.Of(column.Api)}, {Output.Names.Of(column.Architecture)}";

    /// <summary>The seed article's example: 256 MB, 200 ms per invocation, with the free tier.</summary>
    public static Workload SeedExample(decimal requests) => Shipped with
    {
        RequestsPerMonth = requests,
        MemoryMb = 256,
        DurationMs = 200,
        ColdStartShare = 0,
        FreeTier = true,
    };

    public static IReadOnlyList<decimal> SeedLevels { get; } = [1_000_000m, 3_200_000m, 8_000_000m, 10_000_000m];

    /// <summary>Every API type × architecture × memory size at one traffic level, cheapest first.</summary>
    public static IReadOnlyList<CostEstimate> Ranked(CostCalculator calculator, decimal requests, CpuScaling scaling) =>
        Columns.SelectMany(c => MemorySizes.Select(m => calculator.Estimate(Shipped with
            {
                RequestsPerMonth = requests,
                Api = c.Api,
                Architecture = c.Architecture,
                MemoryMb = m,
                CpuScaling = scaling,
            })))
            .OrderBy(e => e.TotalUsd)
            .ThenBy(e => e.Workload.MemoryMb)
            .ToList();
}
