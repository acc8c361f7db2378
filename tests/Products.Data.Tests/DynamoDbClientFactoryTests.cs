using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Products.Data.Tests;

public sealed class DynamoDbClientFactoryTests
{
    [Fact]
    public void Create_Region_ConfiguresRegionRetriesTimeoutAndNoDiscovery()
    {
        using var client = DynamoDbClientFactory.Create("eu-west-1");

        var config = Assert.IsType<AmazonDynamoDBConfig>(client.Config);
        Assert.Equal("eu-west-1", config.RegionEndpoint?.SystemName);
        Assert.Equal(2, config.MaxErrorRetry);
        Assert.Equal(TimeSpan.FromSeconds(2), config.Timeout);
        Assert.Equal(RequestRetryMode.Standard, config.RetryMode);
        Assert.False(config.EndpointDiscoveryEnabled);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Create_NoRegion_Throws(string region)
    {
        Assert.Throws<ArgumentException>(() => DynamoDbClientFactory.Create(region));
    }
}
