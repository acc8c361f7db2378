using Products.Reliability.Load;

namespace Products.Reliability.Tests;

[Collection(SharedHostedApi.Name)]
public sealed class ShortLoadTests(HostedApiFixture api)
{
    [Fact]
    public async Task ShortLoad_NoServerErrors_AndEveryAcknowledgedKeyHasExactlyOneReadableProductInTheTable()
    {
        var profile = new LoadProfile(10, TimeSpan.FromSeconds(3));

        var report = await new LoadSuite(api.Target).RunAsync(profile, seed: 11, CancellationToken.None);

        Assert.True(report.Passed, report.Format());
        Assert.NotNull(report.Verification);
        Assert.True(report.Verification.Acknowledged > 0, report.Format());
        Assert.Equal(report.Verification.Acknowledged + report.Verification.GivenUpWithProduct, report.Verification.ItemsAdded);
        Assert.All(report.Result.Creates, create => Assert.StartsWith("load-", create.Key, StringComparison.Ordinal));
    }
}
