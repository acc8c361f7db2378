using System.Text.Json;
using Products.Emulator.Ssm;

namespace Products.Emulator.Tests.Ssm;

/// <summary>Loading local/parameters.&lt;stage&gt;.json and generating local/secrets.&lt;stage&gt;.json.</summary>
public sealed class LocalParameterStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("products-ssm-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void OpenStage_DeclaredSecretMissing_GeneratesOnceAndSavesIt()
    {
        WriteParameters("test", """{ "parameters": {}, "secrets": ["products/test/key"] }""");

        var first = LocalParameterStore.OpenStage(_directory, "test").FindSecret("products/test/key");
        var second = LocalParameterStore.OpenStage(_directory, "test").FindSecret("products/test/key");

        Assert.NotNull(first);
        Assert.Equal(32, Convert.FromBase64String(first.Current).Length);
        Assert.Null(first.Previous);
        Assert.Equal(first.Current, second?.Current);
        Assert.True(File.Exists(Path.Combine(_directory, "secrets.test.json")));
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public void EnsureSecret_OnUnix_SavesOwnerOnlyFile()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only.
        }

        WriteParameters("test", "{}");
        var store = LocalParameterStore.OpenStage(_directory, "test");

        store.EnsureSecret("products/test/key");

        var mode = File.GetUnixFileMode(Path.Combine(_directory, "secrets.test.json"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    [Fact]
    public async Task EnsureSecret_ConcurrentCallers_AllGetTheSameValue()
    {
        WriteParameters("test", "{}");
        var store = LocalParameterStore.OpenStage(_directory, "test");

        var values = await Task.WhenAll(Enumerable.Range(0, 16)
            .Select(_ => Task.Run(() => store.EnsureSecret("products/test/key").Current)));

        Assert.Single(values.Distinct());
        var reopened = LocalParameterStore.OpenStage(_directory, "test");
        Assert.Equal(values[0], reopened.FindSecret("products/test/key")?.Current);
    }

    [Fact]
    public void RotateSecret_KeepsPreviousAndSurvivesReopen()
    {
        WriteParameters("test", """{ "secrets": ["k"] }""");
        var store = LocalParameterStore.OpenStage(_directory, "test");
        var original = store.FindSecret("k")!;

        var rotated = store.RotateSecret("k");
        var reopened = LocalParameterStore.OpenStage(_directory, "test").FindSecret("k");

        Assert.Equal(original.Current, rotated.Previous);
        Assert.Equal(rotated.Current, reopened?.Current);
        Assert.Equal(original.Current, reopened?.Previous);
    }

    [Fact]
    public void Open_ObjectValue_IsStoredAsCompactJsonAndTypeDefaultsToString()
    {
        WriteParameters("test", """
            {
              // comments are allowed
              "parameters": {
                "/app/settings": { "value": { "a": 1, "b": [ true ] } },
                "/app/key": { "type": "SecureString", "value": "k" }
              }
            }
            """);

        var store = LocalParameterStore.OpenStage(_directory, "test");

        var settings = store.FindParameter("/app/settings");
        Assert.Equal("""{"a":1,"b":[true]}""", settings?.Value);
        Assert.Equal(LocalParameterType.String, settings?.Type);
        Assert.Equal(1, settings?.Version);
        Assert.Equal(LocalParameterType.SecureString, store.FindParameter("/app/key")?.Type);
    }

    [Theory]
    [InlineData("""{ "parameters": { "/a": { "type": "Secret", "value": "x" } } }""", "/a")]
    [InlineData("""{ "parameters": { "/a": { "type": "String" } } }""", "/a")]
    [InlineData("""{ "parameters": { "/a": { "value": "" } } }""", "/a")]
    [InlineData("""{ "parameters": { "/aws/x": { "value": "v" } } }""", "/aws/x")]
    [InlineData("""{ "secrets": [ "" ] }""", "secrets")]
    [InlineData("""{ "parameters": [] }""", "parameters")]
    public void Open_InvalidEntry_ThrowsNamingIt(string json, string named)
    {
        WriteParameters("test", json);

        var error = Assert.Throws<InvalidDataException>(() => LocalParameterStore.OpenStage(_directory, "test"));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MalformedJson_ThrowsWithoutQuotingContent()
    {
        WriteParameters("test", """{ "parameters": { "/a": { "value": "hidden-content" """);

        var error = Assert.Throws<InvalidDataException>(() => LocalParameterStore.OpenStage(_directory, "test"));

        Assert.DoesNotContain("hidden-content", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenStage_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => LocalParameterStore.OpenStage(_directory, "nosuchstage"));
    }

    [Theory]
    [InlineData("../dev")]
    [InlineData("Dev")]
    [InlineData("")]
    public void OpenStage_UnsafeStageName_ThrowsArgumentException(string stage)
    {
        Assert.Throws<ArgumentException>(() => LocalParameterStore.OpenStage(_directory, stage));
    }

    [Fact]
    public void ParametersUnder_NonRecursive_ExcludesDeeperLevelsAndSiblingsWithSamePrefix()
    {
        var store = LocalParameterStore.CreateInMemory();
        store.SetParameter("/a/x", LocalParameterType.String, "1");
        store.SetParameter("/a/y/z", LocalParameterType.String, "2");
        store.SetParameter("/ab/x", LocalParameterType.String, "3");

        var direct = store.ParametersUnder("/a", recursive: false).Select(p => p.Name);
        var all = store.ParametersUnder("/a/", recursive: true).Select(p => p.Name);

        Assert.Equal(["/a/x"], direct);
        Assert.Equal(["/a/x", "/a/y/z"], all);
    }

    [Fact]
    public void CommittedDevParameters_LoadWithSettingsAndDeclaredSecret()
    {
        // A copy, so the test never writes generated secrets into the repository.
        File.Copy(Path.Combine(RepositoryRoot(), "local", "parameters.dev.json"), Path.Combine(_directory, "parameters.dev.json"));

        var store = LocalParameterStore.OpenStage(_directory, "dev");

        using var settings = JsonDocument.Parse(store.FindParameter("/products/dev/settings")!.Value);
        Assert.Equal(50, settings.RootElement.GetProperty("defaultPageSize").GetInt32());
        Assert.Equal(100, settings.RootElement.GetProperty("maxPageSize").GetInt32());
        Assert.NotNull(store.FindSecret("products/dev/page-token-key"));
    }

    private void WriteParameters(string stage, string json) =>
        File.WriteAllText(Path.Combine(_directory, $"parameters.{stage}.json"), json);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Products.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Products.sln not found above the test binaries.");
    }
}
