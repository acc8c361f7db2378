using Products.Emulator.Lambda;

namespace Products.Emulator.Tests.Lambda;

public sealed class LambdaIdentifiersTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NewTraceId_Always_HasXRayFormatWithTheEpochSeconds()
    {
        var trace = LambdaIdentifiers.NewTraceId(Noon);

        Assert.Matches("^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$", trace);
        Assert.StartsWith($"Root=1-{Noon.ToUnixTimeSeconds():x8}-", trace, StringComparison.Ordinal);
        Assert.NotEqual(trace, LambdaIdentifiers.NewTraceId(Noon));
    }

    [Fact]
    public void NewLogStreamName_Always_DatedLatestWithRandomHex()
    {
        var name = LambdaIdentifiers.NewLogStreamName(Noon);

        Assert.Matches(@"^2026/03/04/\[\$LATEST\][0-9a-f]{32}$", name);
    }

    [Fact]
    public void NewRequestId_Always_IsAUuid()
    {
        Assert.True(Guid.TryParse(LambdaIdentifiers.NewRequestId(), out _));
    }
}
