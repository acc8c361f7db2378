using Products.Cost.Model;
using Products.Cost.Pricing;

namespace Products.Cost.Tests;

/// <summary>The tool's own data files (copied next to the tests) and a calculator over them.</summary>
internal static class TestData
{
    public static PriceBook Prices { get; } = DataFiles.LoadPrices();

    public static MeasuredInputs Measured { get; } = DataFiles.LoadMeasured();

    public static CostCalculator Calculator { get; } = new(Prices, Measured);

    /// <summary>The price book with one flat x86_64 duration price, as the older AWS examples state it.</summary>
    public static CostCalculator WithFlatX86Duration(decimal pricePerGbSecond) => new(
        Prices with
        {
            Lambda = Prices.Lambda with { DurationX86_64 = new TieredRate("GB-second", 1, [new RateTier(null, pricePerGbSecond)]) },
        },
        Measured);

    /// <summary>A Lambda-only month: every invocation takes <paramref name="durationMs"/>, no cold starts.</summary>
    public static Workload Fixed(decimal requests, int memoryMb, double durationMs, bool freeTier) => new()
    {
        RequestsPerMonth = requests,
        MemoryMb = memoryMb,
        DurationMs = durationMs,
        ColdStartShare = 0,
        FreeTier = freeTier,
    };
}
