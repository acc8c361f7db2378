using System.Text;
using Products.Lambda.Parameters;
using Products.Emulator.Ssm;

namespace Products.Emulator.Tests.Ssm;

/// <summary>The provider over the real SDK client and the local endpoint; request counts come from the store.</summary>
public sealed class SsmParameterProviderTests(LocalSsmFixture fixture) : IClassFixture<LocalSsmFixture>
{
    private const string GetParameter = SsmOperations.GetParameter;
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task GetAsync_WithinMaxAge_CallsSsmOnce()
    {
        var name = AddParameter("v1");
        var provider = CreateProvider();

        var first = await provider.GetAsync(name);
        _clock.Advance(TimeSpan.FromSeconds(4.9));
        var second = await provider.GetAsync(name);

        Assert.Equal("v1", first);
        Assert.Equal("v1", second);
        Assert.Equal(1, fixture.Store.RequestCount(GetParameter, name));
    }

    [Fact]
    public async Task GetAsync_AfterMaxAge_FetchesAgainAndSeesNewValue()
    {
        var name = AddParameter("v1");
        var provider = CreateProvider();
        await provider.GetAsync(name);
        fixture.Store.SetParameter(name, LocalParameterType.String, "v2");

        var cached = await provider.GetAsync(name);
        _clock.Advance(ParameterProviderOptions.PowertoolsDefaultMaxAge);
        var refreshed = await provider.GetAsync(name);

        Assert.Equal("v1", cached);
        Assert.Equal("v2", refreshed);
        Assert.Equal(2, fixture.Store.RequestCount(GetParameter, name));
    }

    [Fact]
    public async Task GetAsync_PerCallMaxAge_DecidesWhatAgeIsAccepted()
    {
        var name = AddParameter("v1");
        var provider = CreateProvider();
        await provider.GetAsync(name);
        _clock.Advance(TimeSpan.FromSeconds(30));

        await provider.GetAsync(name, new ParameterGetOptions { MaxAge = TimeSpan.FromMinutes(1) });
        var afterLongMaxAge = fixture.Store.RequestCount(GetParameter, name);
        await provider.GetAsync(name);
        var afterDefaultMaxAge = fixture.Store.RequestCount(GetParameter, name);

        Assert.Equal(1, afterLongMaxAge);
        Assert.Equal(2, afterDefaultMaxAge);
    }

    [Fact]
    public async Task GetAsync_ZeroMaxAge_FetchesEveryTime()
    {
        var name = AddParameter("v1");
        var provider = CreateProvider();
        var noCache = new ParameterGetOptions { MaxAge = TimeSpan.Zero };

        await provider.GetAsync(name, noCache);
        await provider.GetAsync(name, noCache);

        Assert.Equal(2, fixture.Store.RequestCount(GetParameter, name));
    }

    [Fact]
    public async Task GetAsync_DefaultMaxAgeFromOptions_IsUsed()
    {
        var name = AddParameter("v1");
        var provider = CreateProvider(TimeSpan.FromMinutes(10));
        await provider.GetAsync(name);

        _clock.Advance(TimeSpan.FromMinutes(9));
        await provider.GetAsync(name);

        Assert.Equal(1, fixture.Store.RequestCount(GetParameter, name));
    }

    [Fact]
    public async Task GetAsync_ForceFetch_BypassesAndRefreshesCache()
    {
        var name = AddParameter("v1");
        var provider = CreateProvider();
        await provider.GetAsync(name);
        fixture.Store.SetParameter(name, LocalParameterType.String, "v2");

        var forced = await provider.GetAsync(name, new ParameterGetOptions { ForceFetch = true });
        var afterwards = await provider.GetAsync(name);

        Assert.Equal("v2", forced);
        Assert.Equal("v2", afterwards);
        Assert.Equal(2, fixture.Store.RequestCount(GetParameter, name));
    }

    [Fact]
    public async Task GetAsync_DecryptAndPlain_AreCachedApart()
    {
        var value = "secure-" + Guid.NewGuid();
        var name = AddParameter(value, LocalParameterType.SecureString);
        var provider = CreateProvider();

        var plain = await provider.GetAsync(name);
        var decrypted = await provider.GetAsync(name, new ParameterGetOptions { Decrypt = true });

        Assert.NotEqual(value, plain);
        Assert.Equal(value, decrypted);
        Assert.Equal(2, fixture.Store.RequestCount(GetParameter, name));
    }

    [Fact]
    public async Task GetAsync_TwentyConcurrentFirstReads_MakeOneRequest()
    {
        var name = AddParameter("shared");
        var provider = CreateProvider();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var readers = Enumerable.Range(0, 20)
            .Select(_ => Task.Run(async () =>
            {
                await start.Task;
                return await provider.GetAsync(name);
            }))
            .ToList();
        start.SetResult();
        var values = await Task.WhenAll(readers);

        Assert.All(values, value => Assert.Equal("shared", value));
        Assert.Equal(1, fixture.Store.RequestCount(GetParameter, name));
    }

    [Fact]
    public async Task GetAsync_FailedFetch_IsNotCached()
    {
        var name = LocalSsmFixture.UniquePath() + "/later";
        var provider = CreateProvider();

        var error = await Assert.ThrowsAsync<ParameterNotFoundException>(() => provider.GetAsync(name));
        fixture.Store.SetParameter(name, LocalParameterType.String, "now here");
        var value = await provider.GetAsync(name);

        Assert.Equal(name, error.ParameterName);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Equal("now here", value);
        Assert.Equal(2, fixture.Store.RequestCount(GetParameter, name));
    }

    [Fact]
    public async Task GetJsonAsync_SourceGeneratedType_Deserializes()
    {
        var name = AddParameter("{\"defaultPageSize\":50,\"maxPageSize\":100}");
        var provider = CreateProvider();

        var settings = await provider.GetJsonAsync(name, TestJsonContext.Default.TestSettings);
        var text = await provider.GetAsync(name, new ParameterGetOptions { Transform = ParameterTransform.Json });

        Assert.Equal(new TestSettings(50, 100), settings);
        Assert.Equal("{\"defaultPageSize\":50,\"maxPageSize\":100}", text);
        Assert.Equal(1, fixture.Store.RequestCount(GetParameter, name));
    }

    [Fact]
    public async Task GetJsonAsync_NotJson_ThrowsTransformErrorWithoutValue()
    {
        var value = "{not json " + Guid.NewGuid();
        var name = AddParameter(value, LocalParameterType.SecureString);
        var provider = CreateProvider();
        var decrypt = new ParameterGetOptions { Decrypt = true };

        var typed = await Assert.ThrowsAsync<ParameterTransformException>(
            () => provider.GetJsonAsync(name, TestJsonContext.Default.TestSettings, decrypt));
        var text = await Assert.ThrowsAsync<ParameterTransformException>(
            () => provider.GetAsync(name, decrypt with { Transform = ParameterTransform.Json }));

        foreach (var error in new[] { typed, text })
        {
            Assert.Equal(ParameterTransform.Json, error.Transform);
            Assert.Contains(name, error.Message, StringComparison.Ordinal);
            AssertNeverMentions(error, value);
        }
    }

    [Fact]
    public async Task GetJsonAsync_JsonNull_ThrowsTransformError()
    {
        var name = AddParameter("null");
        var provider = CreateProvider();

        await Assert.ThrowsAsync<ParameterTransformException>(
            () => provider.GetJsonAsync(name, TestJsonContext.Default.TestSettings));
    }

    [Fact]
    public async Task GetBase64Async_Base64Value_DecodesBytesAndText()
    {
        var bytes = Encoding.UTF8.GetBytes("héllo base64");
        var name = AddParameter(Convert.ToBase64String(bytes));
        var provider = CreateProvider();

        var decoded = await provider.GetBase64Async(name);
        var text = await provider.GetAsync(name, new ParameterGetOptions { Transform = ParameterTransform.Base64 });

        Assert.Equal(bytes, decoded);
        Assert.Equal("héllo base64", text);
    }

    [Fact]
    public async Task GetBase64Async_NotBase64_ThrowsTransformErrorWithoutValue()
    {
        var value = "%%%not-base64-" + Guid.NewGuid();
        var name = AddParameter(value);
        var provider = CreateProvider();

        var error = await Assert.ThrowsAsync<ParameterTransformException>(() => provider.GetBase64Async(name));

        Assert.Equal(ParameterTransform.Base64, error.Transform);
        AssertNeverMentions(error, value);
    }

    [Fact]
    public async Task GetByPathAsync_MoreThanOnePage_ReturnsKeysRelativeToPath()
    {
        var path = LocalSsmFixture.UniquePath();
        for (var i = 0; i < 12; i++)
        {
            fixture.Store.SetParameter($"{path}/p{i:D2}", LocalParameterType.String, $"v{i}");
        }

        fixture.Store.SetParameter($"{path}/deeper/x", LocalParameterType.String, "deep");
        var provider = CreateProvider();

        var direct = await provider.GetByPathAsync(path, recursive: false);
        var all = await provider.GetByPathAsync(path + "/", recursive: true);
        var again = await provider.GetByPathAsync(path, recursive: false);

        Assert.Equal(12, direct.Count);
        Assert.Equal("v0", direct["p00"]);
        Assert.Equal("v11", direct["p11"]);
        Assert.Equal(13, all.Count);
        Assert.Equal("deep", all["deeper/x"]);
        Assert.Equal(direct, again);
        Assert.Equal(2, fixture.Store.RequestCount(SsmOperations.GetParametersByPath, path));
    }

    [Fact]
    public async Task GetByPathAsync_EmptyPath_ReturnsEmpty()
    {
        var provider = CreateProvider();

        var values = await provider.GetByPathAsync(LocalSsmFixture.UniquePath(), recursive: true);

        Assert.Empty(values);
    }

    [Fact]
    public async Task GetSecretAsync_CurrentAndPreviousStages_ReturnTheirValues()
    {
        var id = $"test/{Guid.NewGuid():N}/page-token-key";
        var original = fixture.Store.EnsureSecret(id);
        var rotated = fixture.Store.RotateSecret(id);
        var provider = CreateProvider();

        var current = await provider.GetSecretAsync(id);
        var previous = await provider.GetSecretAsync(id, "AWSPREVIOUS");

        Assert.Equal(rotated.Current, current);
        Assert.Equal(original.Current, previous);
    }

    [Fact]
    public async Task GetSecretAsync_Missing_ThrowsNotFoundNamingReference()
    {
        var id = $"test/{Guid.NewGuid():N}/missing";
        var provider = CreateProvider();

        var error = await Assert.ThrowsAsync<ParameterNotFoundException>(() => provider.GetSecretAsync(id, "AWSPREVIOUS"));

        Assert.Equal($"/aws/reference/secretsmanager/{id}:AWSPREVIOUS", error.ParameterName);
    }

    [Theory]
    [InlineData("AWS PREVIOUS")]
    [InlineData("stage:1")]
    [InlineData("")]
    public async Task GetSecretAsync_InvalidStage_ThrowsArgumentException(string stage)
    {
        var provider = CreateProvider();

        await Assert.ThrowsAsync<ArgumentException>(() => provider.GetSecretAsync("products/dev/key", stage));
    }

    [Fact]
    public async Task GetAsync_SecretReferenceWithoutDecrypt_FailsWithoutValue()
    {
        var id = $"test/{Guid.NewGuid():N}/key";
        var secret = fixture.Store.EnsureSecret(id);
        var provider = CreateProvider();

        var error = await Assert.ThrowsAsync<ParameterProviderException>(
            () => provider.GetAsync("/aws/reference/secretsmanager/" + id));

        Assert.Equal("ValidationException", error.ErrorCode);
        AssertNeverMentions(error, secret.Current);
    }

    [Fact]
    public async Task GetAsync_EndpointUnreachable_ThrowsProviderErrorNamingParameter()
    {
        using var client = new Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementClient(
            new Amazon.Runtime.BasicAWSCredentials("a", "b"),
            new Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementConfig
            {
                // Port 1 on loopback: nothing listens there, the connection is refused at once.
                ServiceURL = "http://127.0.0.1:1",
                AuthenticationRegion = LocalSsmFixture.Region,
                MaxErrorRetry = 0,
            });
        var provider = new SsmParameterProvider(client, new ParameterProviderOptions { TimeProvider = _clock });

        var error = await Assert.ThrowsAsync<ParameterProviderException>(() => provider.GetAsync("/unreachable/x"));

        Assert.Equal("/unreachable/x", error.ParameterName);
        Assert.IsNotType<ParameterNotFoundException>(error);
    }

    [Fact]
    public async Task GetAsync_CanceledToken_ThrowsWithoutRequest()
    {
        var name = AddParameter("v1");
        var provider = CreateProvider();
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.GetAsync(name, cancellationToken: canceled.Token));

        Assert.Equal(0, fixture.Store.RequestCount(GetParameter, name));
    }

    [Fact]
    public async Task GetAsync_BlankName_ThrowsArgumentException()
    {
        var provider = CreateProvider();

        await Assert.ThrowsAsync<ArgumentException>(() => provider.GetAsync(" "));
        await Assert.ThrowsAsync<ArgumentException>(() => provider.GetByPathAsync("relative/path", recursive: false));
    }

    private SsmParameterProvider CreateProvider(TimeSpan? defaultMaxAge = null)
    {
        var options = new ParameterProviderOptions { TimeProvider = _clock };
        return new SsmParameterProvider(
            fixture.CreateClient(),
            defaultMaxAge is { } age ? options with { DefaultMaxAge = age } : options);
    }

    private string AddParameter(string value, LocalParameterType type = LocalParameterType.String)
    {
        var name = LocalSsmFixture.UniquePath() + "/value";
        fixture.Store.SetParameter(name, type, value);
        return name;
    }

    private static void AssertNeverMentions(Exception error, string value)
    {
        Assert.DoesNotContain(value, error.ToString(), StringComparison.Ordinal);
        for (var inner = error.InnerException; inner is not null; inner = inner.InnerException)
        {
            Assert.DoesNotContain(value, inner.Message, StringComparison.Ordinal);
        }
    }
}
