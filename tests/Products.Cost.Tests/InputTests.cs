using Products.Cost.Model;
using Products.Cost.Pricing;
using Xunit;

namespace Products.Cost.Tests;

/// <summary>The mix option, the data files' checks, and the measured item size.</summary>
public sealed class InputTests
{
    [Fact]
    public void Mix_IsNormalisedWeights()
    {
        var mix = OperationMix.Parse("list=1, create=1");

        Assert.Equal(0.5, mix.ShareOf(Operation.List));
        Assert.Equal(0.5, mix.ShareOf(Operation.Create));
        Assert.Equal(0, mix.ShareOf(Operation.Get));
        Assert.Equal("list=20,create=40,get=40", OperationMix.Default.ToString());
    }

    [Theory]
    [InlineData("list=20,fetch=80", "fetch=80")]
    [InlineData("list=-1,get=2", "0 or more")]
    [InlineData("list=20,list=30", "twice")]
    [InlineData("list=0,get=0", "more than 0")]
    [InlineData("list20", "name=weight")]
    public void Mix_RefusesWhatItCannotRead(string text, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => OperationMix.Parse(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void ProductItemSize_IsTheLoadProfilesItemByDynamoDbsRules()
    {
        // What the reliability suite's load profile creates (user 1234, price 1234.56), as ProductItem stores it.
        var size = DynamoDbItemSize.Of(
        [
            ("id", "f6104cf7-50f7-4def-a932-88c37eee06be", null),
            ("name", "Load product 1234", null),
            ("price", null, 1234.56m),
            ("description", "Created by virtual user 1234.", null),
            ("category", "load", null),
            ("createdAt", "2026-12-04T03:09:37.998Z", null),
        ]);

        Assert.Equal(TestData.Measured.Items.ProductItemBytes, size);
    }

    [Theory]
    [InlineData(7, 2)] // 1 digit → 1 byte + 1
    [InlineData(12.5, 3)] // 3 digits → 2 bytes + 1
    [InlineData(1000, 2)] // trailing zeros do not count
    public void NumberSize_IsTwoDigitsPerBytePlusOne(double number, int bytes) =>
        Assert.Equal(bytes, DynamoDbItemSize.Of([(string.Empty, null, (decimal)number)]));

    [Fact]
    public void TieredRate_RefusesTiersThatDoNotAscend()
    {
        var rate = new TieredRate("request", 1, [new RateTier(10, 1), new RateTier(5, 1), new RateTier(null, 1)]);

        Assert.Throws<InvalidDataException>(() => rate.Validate("test"));
    }

    [Fact]
    public void PriceFile_IsDatedAndNamesEverySourcePage()
    {
        var prices = TestData.Prices;

        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", prices.CheckedOn);
        Assert.Equal("us-east-1", prices.Region);
        Assert.Equal(
            ["AWS Lambda pricing", "Amazon API Gateway pricing", "Amazon DynamoDB pricing (on-demand)", "Amazon CloudWatch pricing", "AWS Secrets Manager pricing", "AWS Systems Manager pricing"],
            [prices.Lambda.Source, prices.ApiGateway.Source, prices.DynamoDb.Source, prices.CloudWatchLogs.Source, prices.SecretsManager.Source, prices.SystemsManager.Source]);
    }
}
