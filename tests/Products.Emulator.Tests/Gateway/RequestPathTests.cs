using Products.Emulator.Gateway;

namespace Products.Emulator.Tests.Gateway;

public sealed class RequestPathTests
{
    [Theory]
    [InlineData("/products/42", "/products/42")]
    [InlineData("/a%20b/caf%C3%A9", "/a b/café")]
    [InlineData("/a%252Eb", "/a%252Eb")]
    [InlineData("/x%2Fy", "/x/y")]
    [InlineData("/100%", "/100%")]
    public void DecodeForEvent_DecodesEverythingButPercent25(string raw, string expected)
    {
        Assert.Equal(expected, RequestPath.DecodeForEvent(raw));
    }

    [Fact]
    public void Segments_KeepsEscapedSlashInsideSegment()
    {
        Assert.Equal(["a/b", "c"], RequestPath.Segments("/a%2Fb/c"));
    }

    [Fact]
    public void Segments_RootPath_IsEmpty()
    {
        Assert.Empty(RequestPath.Segments("/"));
    }
}
