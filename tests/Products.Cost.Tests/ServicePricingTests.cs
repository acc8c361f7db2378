using Products.Cost.Model;
using Products.Cost.Pricing;
using Xunit;

namespace Products.Cost.Tests;

/// <summary>API Gateway's volume tiers, DynamoDB request units, logs, Secrets Manager and SSM, hand-computed.</summary>
public sealed class ServicePricingTests
{
    [Theory]
    [InlineData(10_000_000, 10.00)]
    [InlineData(300_000_000, 300.00)]
    [InlineData(432_000_000, 418.80)] // the pricing page's shape: 300M × $1.00 + 132M × $0.90
    public void HttpApi_FirstThreeHundredMillionAtOneDollarThenNinetyCents(long requests, double usd) =>
        Assert.Equal((decimal)usd, TestData.Prices.ApiGateway.HttpApi.Charge(requests));

    [Theory]
    [InlineData(333_000_000, 1165.50)]
    [InlineData(1_500_000_000, 4223.10)] // 333M × 3.50 + 667M × 2.80 + 500M × 2.38
    [InlineData(21_000_000_000, 49763.10)] // ... + 19B × 2.38 + 1B × 1.51
    public void RestApi_FourTiers(long requests, double usd) =>
        Assert.Equal((decimal)usd, TestData.Prices.ApiGateway.RestApi.Charge(requests));

    [Theory]
    [InlineData("http", 1_000_000, 0.00)]
    [InlineData("http", 2_000_000, 1.00)]
    [InlineData("rest", 2_000_000, 3.50)]
    public void ApiGatewayFreeTier_CoversTheFirstMillionCalls(string api, long requests, double usd)
    {
        var type = api == "rest" ? ApiType.Rest : ApiType.Http;
        var estimate = TestData.Calculator.Estimate(new Workload { RequestsPerMonth = requests, Api = type, FreeTier = true });

        Assert.Equal((decimal)usd, estimate.ApiGateway.Usd);
    }

    [Fact]
    public void DynamoDb_OneWriteUnitPerCreate_OneReadPerGet_HalfAUnitPer4KbOfAListPage()
    {
        // 10M requests at list=20,create=40,get=40; a 153-byte item: a 50-item page is 7,650 bytes = 2 × 4 KB, halved.
        var db = TestData.Calculator.Estimate(new Workload()).DynamoDb;

        Assert.Equal(4_000_000m, db.WriteRequestUnits);
        Assert.Equal(4_000_000m + 2_000_000m, db.ReadRequestUnits);
        Assert.Equal(2.50m, db.WriteUsd);
        Assert.Equal(0.75m, db.ReadUsd);
        Assert.Equal(4_000_000m, db.StoredProducts);
        Assert.Equal(4_000_000m * (153 + 100) / (1024m * 1024m * 1024m) * 0.25m, db.StorageUsd);
    }

    [Fact]
    public void LargerItems_CostMoreUnits()
    {
        // 1.5 KB items: 2 WRU per create; 50 × 1,536 bytes = 75 KB = 19 × 4 KB per page, halved.
        var db = TestData.Calculator.Estimate(new Workload { ItemBytes = 1536 }).DynamoDb;

        Assert.Equal(8_000_000m, db.WriteRequestUnits);
        Assert.Equal(4_000_000m + (2_000_000m * 9.5m), db.ReadRequestUnits);
    }

    [Fact]
    public void IdempotencyKeys_AddTheRecordsWrites()
    {
        var db = TestData.Calculator.Estimate(new Workload { IdempotencyKeyShare = 0.5 }).DynamoDb;

        // 4M creates × (1 + 0.5 × 2) WRU.
        Assert.Equal(8_000_000m, db.WriteRequestUnits);
    }

    [Fact]
    public void StorageFreeTier_CoversTwentyFiveGb()
    {
        var stored = 200_000_000m; // 200M × 253 bytes ≈ 47.1 GB
        var db = TestData.Calculator.Estimate(new Workload { StoredProducts = stored, FreeTier = true }).DynamoDb;

        Assert.Equal((db.StorageGb - 25) * 0.25m, db.StorageUsd);
    }

    [Fact]
    public void Logs_AreTheMeasuredBytesPerInvocationAndColdStart()
    {
        var workload = new Workload { LogLevel = "DEBUG" };
        var logs = TestData.Measured.Logs;
        var expectedBytes = OperationNames.All.Sum(o =>
        {
            var invocations = 10_000_000m * (decimal)workload.Mix.ShareOf(o);
            return (invocations * (decimal)(LogMeasurements.BytesOf(logs.FunctionBytesPerInvocation, "DEBUG", o) + logs.PlatformBytesPerInvocation))
                + (invocations * 0.01m * (decimal)(LogMeasurements.BytesOf(logs.FunctionBytesPerColdStart, "DEBUG", o) + logs.PlatformBytesPerColdStart));
        });

        var estimate = TestData.Calculator.Estimate(workload).Logs;

        Assert.Equal(expectedBytes / (1024m * 1024m * 1024m), estimate.IngestedGb);
        Assert.Equal(estimate.IngestedGb * 0.50m, estimate.Usd);
    }

    [Fact]
    public void LogsTiers_AndFreeTier()
    {
        var rate = TestData.Prices.CloudWatchLogs.LambdaLogsIngestion;

        // 60 TB: 10 TB × $0.50 + 20 TB × $0.25 + 20 TB × $0.10 + 10 TB × $0.05 (TB = 1024 GB).
        Assert.Equal((10240m * 0.50m) + (20480m * 0.25m) + (20480m * 0.10m) + (10240m * 0.05m), rate.Charge(61440m));
        Assert.Equal(0m, rate.Charge(5m, free: 5m));
        Assert.Equal(0.50m, rate.Charge(6m, free: 5m));
    }

    [Fact]
    public void Secrets_OneSecretAndCachedCalls_SsmStandardIsFree()
    {
        var estimate = TestData.Calculator.Estimate(new Workload());

        Assert.Equal(0.40m, estimate.Secrets.SecretUsd);
        // Fewer fetches than lists (the 5 s cache), never more than the cache age allows per environment.
        Assert.InRange(estimate.Secrets.ApiCalls, 1m, 2_000_000m);
        Assert.True(estimate.Secrets.ApiCalls <= (decimal)(Workload.SecondsPerMonth / Workload.ParameterCacheSeconds) + 1);
        Assert.Equal(estimate.Secrets.ApiCalls / 10_000m * 0.05m, estimate.Secrets.ApiCallsUsd);
        Assert.Equal(0m, estimate.Ssm.Usd);
    }

    [Fact]
    public void Secrets_NoListsNoCalls_AndRareListsFetchEveryTime()
    {
        Assert.Equal(0m, TestData.Calculator.Estimate(new Workload { Mix = OperationMix.Parse("create=1") }).Secrets.ApiCalls);

        // 1,000 lists a month: about one every 44 minutes, so each one finds the 5 s cache expired.
        var rare = TestData.Calculator.Estimate(new Workload { RequestsPerMonth = 1000, Mix = OperationMix.Parse("list=1") });
        Assert.InRange(rare.Secrets.ApiCalls, 998m, 1000m);
    }

    [Fact]
    public void Total_IsTheSumOfTheComponents()
    {
        var e = TestData.Calculator.Estimate(new Workload { Api = ApiType.Rest, Architecture = Architecture.Arm64, FreeTier = true });

        Assert.Equal(e.Lambda.Usd + e.ApiGateway.Usd + e.DynamoDb.Usd + e.Logs.Usd + e.Secrets.Usd + e.Ssm.Usd, e.TotalUsd);
        Assert.Equal(e.TotalUsd / 10m, e.UsdPerMillionRequests);
    }
}
