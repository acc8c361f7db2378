using Products.Lambda.Logging;

namespace Products.Lambda.Tests.Logging;

public sealed class InvocationLogContextTests
{
    [Theory]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1", "1-5759e988-bd862e3fe1be46a994272793")]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793", "1-5759e988-bd862e3fe1be46a994272793")]
    [InlineData("Parent=53995c3f42cd8ad8; Root=1-67891233-abcdef012345678912345678 ;Sampled=0", "1-67891233-abcdef012345678912345678")]
    [InlineData("Parent=53995c3f42cd8ad8;Sampled=1", null)]
    [InlineData("Root=;Sampled=1", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ParseXrayTraceId_Header_ReturnsRoot(string? header, string? expected)
    {
        Assert.Equal(expected, InvocationLogContext.ParseXrayTraceId(header));
    }
}
