using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Products.Emulator.Ssm;

namespace Products.Emulator.Tests.Ssm;

/// <summary>PutParameter through the real AWS SDK, and changes that outlive a restart in the changes file only.</summary>
public sealed class LocalSsmPutParameterTests(LocalSsmFixture fixture) : IClassFixture<LocalSsmFixture>
{
    [Fact]
    public async Task PutParameter_NewThenOverwrite_VersionsGrowAndGetReturnsTheNewValue()
    {
        var name = LocalSsmFixture.UniquePath() + "/settings";
        using var client = fixture.CreateClient();

        var created = await client.PutParameterAsync(new PutParameterRequest { Name = name, Type = ParameterType.String, Value = "{\"a\":1}" });
        var replaced = await client.PutParameterAsync(new PutParameterRequest { Name = name, Value = "{\"a\":2}", Overwrite = true });

        Assert.Equal(1, created.Version);
        Assert.Equal(2, replaced.Version);
        var read = await client.GetParameterAsync(new GetParameterRequest { Name = name });
        Assert.Equal("{\"a\":2}", read.Parameter.Value);
        Assert.Equal(ParameterType.String, read.Parameter.Type);
    }

    [Fact]
    public async Task PutParameter_ExistingWithoutOverwrite_ParameterAlreadyExistsAndValueKept()
    {
        var name = LocalSsmFixture.UniquePath() + "/settings";
        fixture.Store.SetParameter(name, LocalParameterType.String, "original");
        using var client = fixture.CreateClient();

        await Assert.ThrowsAsync<ParameterAlreadyExistsException>(() =>
            client.PutParameterAsync(new PutParameterRequest { Name = name, Type = ParameterType.String, Value = "changed" }));

        Assert.Equal("original", fixture.Store.FindParameter(name)!.Value);
    }

    [Theory]
    [InlineData("/aws/reference/secretsmanager/x", "String")]
    [InlineData("/ssm/x", "String")]
    [InlineData("/test/new-without-type", null)]
    [InlineData("/test/bad-type", "Number")]
    public async Task PutParameter_Invalid_ValidationErrorAndNothingStored(string name, string? type)
    {
        using var client = fixture.CreateClient();
        var request = new PutParameterRequest { Name = name + Guid.NewGuid().ToString("N"), Value = "v" };
        if (type is not null)
        {
            request.Type = new ParameterType(type);
        }

        var error = await Assert.ThrowsAnyAsync<AmazonSimpleSystemsManagementException>(() => client.PutParameterAsync(request));

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Null(fixture.Store.FindParameter(request.Name));
    }

    [Fact]
    public void PutParameter_WithAChangesFolder_SavedThereAndReadBackOverTheCommittedFile()
    {
        var folder = Directory.CreateTempSubdirectory("products-ssm-");
        try
        {
            var local = Directory.CreateDirectory(Path.Combine(folder.FullName, "local")).FullName;
            var changes = Path.Combine(folder.FullName, "changes");
            var committed = Path.Combine(local, "parameters.dev.json");
            File.WriteAllText(committed, """{"parameters":{"/products/dev/settings":{"type":"String","value":{"defaultPageSize":50}}}}""");
            var before = File.ReadAllText(committed);

            var first = LocalParameterStore.OpenStage(local, "dev", changesDirectory: changes);
            var outcome = first.PutParameter("/products/dev/settings", type: null, """{"defaultPageSize":25}""", overwrite: true);
            var reopened = LocalParameterStore.OpenStage(local, "dev", changesDirectory: changes);

            Assert.Equal(2, outcome.Parameter!.Version);
            Assert.Equal("""{"defaultPageSize":25}""", reopened.FindParameter("/products/dev/settings")!.Value);
            Assert.Equal(2, reopened.FindParameter("/products/dev/settings")!.Version);
            Assert.Equal(before, File.ReadAllText(committed));
            Assert.True(File.Exists(Path.Combine(changes, "parameters.dev.json")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
