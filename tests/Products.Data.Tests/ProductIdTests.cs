namespace Products.Data.Tests;

public sealed class ProductIdTests
{
    [Fact]
    public void NewId_Called_ReturnsCanonicalLowercaseUuidV4()
    {
        var id = ProductId.NewId();

        Assert.True(ProductId.IsValid(id));
        Assert.Equal('4', id[14]);
        Assert.Contains(id[19], "89ab");
        Assert.Equal(id.ToLowerInvariant(), id);
    }

    [Fact]
    public void NewId_CalledTwice_ReturnsDifferentIds()
    {
        Assert.NotEqual(ProductId.NewId(), ProductId.NewId());
    }

    [Theory]
    [InlineData("0b7e3c52-8d4e-4f5a-9c1b-2a3d4e5f6a7b")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public void IsValid_CanonicalUuid_True(string id)
    {
        Assert.True(ProductId.IsValid(id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0B7E3C52-8D4E-4F5A-9C1B-2A3D4E5F6A7B")]
    [InlineData("{0b7e3c52-8d4e-4f5a-9c1b-2a3d4e5f6a7b}")]
    [InlineData("0b7e3c528d4e4f5a9c1b2a3d4e5f6a7b")]
    [InlineData("0b7e3c52-8d4e-4f5a-9c1b-2a3d4e5f6a7")]
    [InlineData("0b7e3c52-8d4e-4f5a-9c1b-2a3d4e5f6a7b0")]
    [InlineData(" 0b7e3c52-8d4e-4f5a-9c1b-2a3d4e5f6a7")]
    [InlineData("0b7e3c52-8d4e-4f5a-9c1b-2a3d4e5f6a7g")]
    [InlineData("0b7e3c52_8d4e-4f5a-9c1b-2a3d4e5f6a7b")]
    [InlineData("../../../../etc/passwd/../../../../..")]
    [InlineData("0b7e3c52-8d4e-4f5a-9c1b-2a3d4e5f6a/b")]
    [InlineData("0b7e3c52-8d4e-4f5a-9c1b-2a3d4e5f6a٣b")]
    public void IsValid_AnythingElse_False(string? id)
    {
        Assert.False(ProductId.IsValid(id));
    }
}
