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
        var text = await provider.GetAsync(name);

        Assert.Equal(new TestSettings(50, 100), settings);
        Assert.Equal("{\"defaultPageSize\":50,\"maxPageSize\":100}", text);
        Assert.Equal(1, fixture.Store.RequestCount(GetParameter, name));
    }

    [Fact]
    public async Task GetJsonAsync_NotJson_ThrowsTransformErrorWithoutValue()
    {
        var value = "{not json " + Guid.NewGuid();
        var name = AddParameter(value);
        var provider = CreateProvider();

        var error = await Assert.ThrowsAsync<ParameterTransformException>(
            () => provider.GetJsonAsync(name, TestJsonContext.Default.TestSettings));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        AssertNeverMentions(error, value);
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
