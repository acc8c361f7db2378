using Products.Cost.Model;
using Products.Cost.Pricing;
using Xunit;

namespace Products.Cost.Tests;

/// <summary>Lambda's arithmetic against AWS's published examples (AWS Lambda pricing page) and hand-computed cases.</summary>
public sealed class LambdaPricingTests
{
    [Fact]
    public void PricingPageExample1_512MbThreeMillionOneSecond_Is18Dollars74()
    {
        // 3M × 1 s × 0.5 GB = 1,500,000 GB-s − 400,000 free = 1,100,000 × $0.00001667 = $18.34; 2M billable requests × $0.20 = $0.40.
        var estimate = TestData.WithFlatX86Duration(0.00001667m).Estimate(TestData.Fixed(3_000_000, 512, 1000, freeTier: true));

        Assert.Equal(1_500_000m, estimate.Lambda.GbSeconds);
        Assert.Equal(18.34m, Math.Round(estimate.Lambda.ComputeUsd, 2));
        Assert.Equal(0.40m, estimate.Lambda.RequestsUsd);
        Assert.Equal(18.74m, Math.Round(estimate.Lambda.Usd, 2));
    }

    [Fact]
    public void PricingPageExample2_128MbThirtyMillion200Ms_Is11Dollars63()
    {
        // 30M × 0.2 s × 0.125 GB = 750,000 GB-s − 400,000 = 350,000 × $0.00001667 = $5.83; 29M × $0.20/M = $5.80.
        var estimate = TestData.WithFlatX86Duration(0.00001667m).Estimate(TestData.Fixed(30_000_000, 128, 200, freeTier: true));

        Assert.Equal(750_000m, estimate.Lambda.GbSeconds);
        Assert.Equal(5.83m, Math.Round(estimate.Lambda.ComputeUsd, 2));
        Assert.Equal(5.80m, estimate.Lambda.RequestsUsd);
        Assert.Equal(11.63m, Math.Round(estimate.Lambda.Usd, 2));
    }

    [Theory]
    [InlineData(1_000_000, 0, 0)]
    [InlineData(3_200_000, 0.44, 0)]
    [InlineData(8_000_000, 1.40, 0)]
    [InlineData(10_000_000, 1.80, 1.66667)]
    public void SeedExample_256Mb200Ms_FreeComputeLastsEightMillionInvocations(long requests, double requestsUsd, double computeUsd)
    {
        // 0.25 GB × 0.2 s = 0.05 GB-s per invocation: 400,000 free GB-s / 0.05 = 8,000,000 invocations.
        var lambda = TestData.Calculator.Estimate(TestData.Fixed(requests, 256, 200, freeTier: true)).Lambda;

        Assert.Equal(requests * 0.05m, lambda.GbSeconds);
        Assert.Equal((decimal)requestsUsd, lambda.RequestsUsd);
        Assert.Equal((decimal)computeUsd, Math.Round(lambda.ComputeUsd, 5));
    }

    [Fact]
    public void WithoutTheFreeTier_EveryRequestAndGbSecondIsBilled()
    {
        var lambda = TestData.Calculator.Estimate(TestData.Fixed(1_000_000, 1024, 100, freeTier: false)).Lambda;

        Assert.Equal(0.20m, lambda.RequestsUsd);
        Assert.Equal(100_000m * 0.0000166667m, lambda.ComputeUsd);
    }

    [Theory]
    [InlineData(1.0, 1)]
    [InlineData(1.0001, 2)]
    [InlineData(0.2, 1)]
    [InlineData(199.5, 200)]
    public void BilledDuration_IsRoundedUpToTheMillisecond(double durationMs, int billedMs)
    {
        var workload = TestData.Fixed(1000, 1024, durationMs, freeTier: false);

        Assert.Equal(billedMs, TestData.Calculator.BilledMs(workload, Operation.Get).Warm);
        Assert.Equal(1000m * billedMs / 1000m, TestData.Calculator.Estimate(workload).Lambda.GbSeconds);
    }

    [Fact]
    public void ColdInvocation_BillsTheInitPhaseWithTheInvocation()
    {
        var init = TestData.Measured.DurationsOf(Operation.List).InitMs;
        var workload = TestData.Fixed(1000, 1024, 10, freeTier: false) with { ColdStartShare = 1 };

        var (_, cold) = TestData.Calculator.BilledMs(workload, Operation.List);

        Assert.Equal((decimal)Math.Ceiling(init + 10), cold);
        var list = TestData.Calculator.Estimate(workload).Lambda.Functions.Single(f => f.Operation == Operation.List);
        Assert.Equal(list.Invocations, list.ColdStarts);
        Assert.Equal(list.Invocations * cold / 1000m, list.GbSeconds);
    }

    [Fact]
    public void MeasuredDurations_AreUsedUnlessADurationIsGiven()
    {
        var measured = TestData.Measured.DurationsOf(Operation.Create);
        var (warm, cold) = TestData.Calculator.BilledMs(new Workload(), Operation.Create);

        Assert.Equal((decimal)Math.Ceiling(measured.WarmMs), warm);
        Assert.Equal((decimal)Math.Ceiling(measured.InitMs + measured.FirstInvocationMs), cold);
    }

    [Fact]
    public void ProportionalCpuScaling_StretchesMeasuredDurationsBelowOneVcpu()
    {
        var measured = TestData.Measured.DurationsOf(Operation.Get);
        var at128 = new Workload { MemoryMb = 128, CpuScaling = CpuScaling.Proportional };
        var at2048 = at128 with { MemoryMb = 2048 };

        Assert.Equal((decimal)Math.Ceiling(measured.WarmMs * 1769 / 128), TestData.Calculator.BilledMs(at128, Operation.Get).Warm);
        Assert.Equal((decimal)Math.Ceiling(measured.WarmMs), TestData.Calculator.BilledMs(at2048, Operation.Get).Warm);
    }

    [Fact]
    public void X86DurationTiers_PriceEachBandAtItsRate()
    {
        // 7 billion GB-s: 6B × $0.0000166667 + 1B × $0.000015.
        var rate = TestData.Prices.Lambda.DurationX86_64;

        Assert.Equal((6_000_000_000m * 0.0000166667m) + (1_000_000_000m * 0.000015m), rate.Charge(7_000_000_000m));
        Assert.Equal(
            (6_000_000_000m * 0.0000166667m) + (9_000_000_000m * 0.000015m) + (5_000_000_000m * 0.0000133334m),
            rate.Charge(20_000_000_000m));
    }

    [Fact]
    public void Arm64_IsTwentyPercentCheaperPerGbSecond()
    {
        var x86 = TestData.Calculator.Estimate(TestData.Fixed(10_000_000, 512, 100, freeTier: false));
        var arm = TestData.Calculator.Estimate(TestData.Fixed(10_000_000, 512, 100, freeTier: false) with { Architecture = Architecture.Arm64 });

        Assert.Equal(x86.Lambda.GbSeconds, arm.Lambda.GbSeconds);
        Assert.Equal(500_000m * 0.0000133334m, arm.Lambda.ComputeUsd);
        Assert.Equal(x86.Lambda.RequestsUsd, arm.Lambda.RequestsUsd);
    }
}
