using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Products.Emulator.Ssm;

namespace Products.Emulator.Tests.Ssm;

/// <summary>The local endpoint as the real AWS SDK sees it.</summary>
public sealed class LocalSsmEndpointSdkTests(LocalSsmFixture fixture) : IClassFixture<LocalSsmFixture>
{
    private const string SecretPrefix = "/aws/reference/secretsmanager/";

    [Fact]
    public async Task GetParameter_StringParameter_ReturnsValueAndMetadata()
    {
        var name = LocalSsmFixture.UniquePath() + "/settings";
        fixture.Store.SetParameter(name, LocalParameterType.String, "{\"a\":1}");
        using var client = fixture.CreateClient();

        var response = await client.GetParameterAsync(new GetParameterRequest { Name = name });

        var parameter = response.Parameter;
        Assert.Equal(name, parameter.Name);
        Assert.Equal("{\"a\":1}", parameter.Value);
        Assert.Equal(ParameterType.String, parameter.Type);
        Assert.Equal(1, parameter.Version);
        Assert.Equal("text", parameter.DataType);
        Assert.Equal($"arn:aws:ssm:{LocalSsmFixture.Region}:000000000000:parameter{name}", parameter.ARN);
        Assert.NotNull(parameter.LastModifiedDate);
        Assert.Equal(1, fixture.Store.RequestCount(SsmOperations.GetParameter, name));
    }

    [Fact]
    public async Task GetParameter_SecureStringWithDecryption_ReturnsPlainValue()
    {
        var name = LocalSsmFixture.UniquePath() + "/api-key";
        var value = "plain-" + Guid.NewGuid();
        fixture.Store.SetParameter(name, LocalParameterType.SecureString, value);
        using var client = fixture.CreateClient();

        var response = await client.GetParameterAsync(new GetParameterRequest { Name = name, WithDecryption = true });

        Assert.Equal(value, response.Parameter.Value);
        Assert.Equal(ParameterType.SecureString, response.Parameter.Type);
    }

    [Fact]
    public async Task GetParameter_SecureStringWithoutDecryption_ReturnsPlaceholderNotValue()
    {
        var name = LocalSsmFixture.UniquePath() + "/api-key";
        var value = "plain-" + Guid.NewGuid();
        fixture.Store.SetParameter(name, LocalParameterType.SecureString, value);
        using var client = fixture.CreateClient();

        var response = await client.GetParameterAsync(new GetParameterRequest { Name = name, WithDecryption = false });

        Assert.NotEqual(value, response.Parameter.Value);
        Assert.DoesNotContain(value, response.Parameter.Value, StringComparison.Ordinal);
        Assert.NotEmpty(Convert.FromBase64String(response.Parameter.Value));
    }

    [Fact]
    public async Task GetParameter_VersionSelector_MatchesCurrentVersionOnly()
    {
        var name = LocalSsmFixture.UniquePath() + "/p";
        fixture.Store.SetParameter(name, LocalParameterType.String, "one");
        fixture.Store.SetParameter(name, LocalParameterType.String, "two");
        using var client = fixture.CreateClient();

        var current = await client.GetParameterAsync(new GetParameterRequest { Name = name + ":2" });
        await Assert.ThrowsAsync<ParameterVersionNotFoundException>(
            () => client.GetParameterAsync(new GetParameterRequest { Name = name + ":1" }));

        Assert.Equal("two", current.Parameter.Value);
        Assert.Equal(":2", current.Parameter.Selector);
    }

    [Fact]
    public async Task GetParameter_Missing_ThrowsParameterNotFoundNamingIt()
    {
        var name = LocalSsmFixture.UniquePath() + "/missing";
        using var client = fixture.CreateClient();

        var error = await Assert.ThrowsAsync<ParameterNotFoundException>(
            () => client.GetParameterAsync(new GetParameterRequest { Name = name }));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Equal("ParameterNotFound", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task GetParametersByPath_NonRecursive_PagesThroughAllDirectChildren()
    {
        var path = LocalSsmFixture.UniquePath();
        var expected = AddChildren(path, 23);
        AddChildren(path + "/deeper", 4);
        using var client = fixture.CreateClient();

        var (names, pages) = await ReadAllPagesAsync(client, path, recursive: false);

        Assert.Equal(expected.Order(StringComparer.Ordinal), names);
        Assert.Equal(3, pages);
        Assert.Equal(3, fixture.Store.RequestCount(SsmOperations.GetParametersByPath, path));
    }

    [Fact]
    public async Task GetParametersByPath_Recursive_PagesThroughEveryLevel()
    {
        var path = LocalSsmFixture.UniquePath();
        var expected = AddChildren(path, 12).Concat(AddChildren(path + "/deeper", 4)).Concat(AddChildren(path + "/deeper/still", 2));
        using var client = fixture.CreateClient();

        var (names, pages) = await ReadAllPagesAsync(client, path, recursive: true);

        Assert.Equal(expected.Order(StringComparer.Ordinal), names);
        Assert.Equal(2, pages);
    }

    [Fact]
    public async Task GetParametersByPath_SmallerMaxResults_PagesBySize()
    {
        var path = LocalSsmFixture.UniquePath();
        AddChildren(path, 5);
        using var client = fixture.CreateClient();

        var first = await client.GetParametersByPathAsync(new GetParametersByPathRequest { Path = path, MaxResults = 2 });

        Assert.Equal(2, first.Parameters.Count);
        Assert.False(string.IsNullOrEmpty(first.NextToken));
    }

    [Fact]
    public async Task GetParametersByPath_MaxResultsOverTen_FailsValidation()
    {
        // The SDK's analyzer refuses 11 at compile time, so send the request by hand.
        using var http = new HttpClient();
        using var request = JsonRequest(
            "AmazonSSM.GetParametersByPath", $"{{\"Path\":\"{LocalSsmFixture.UniquePath()}\",\"MaxResults\":11}}");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ValidationException", body.RootElement.GetProperty("__type").GetString());
    }

    [Fact]
    public async Task GetParametersByPath_ForeignToken_ThrowsInvalidNextToken()
    {
        using var client = fixture.CreateClient();

        await Assert.ThrowsAsync<InvalidNextTokenException>(() => client.GetParametersByPathAsync(
            new GetParametersByPathRequest { Path = LocalSsmFixture.UniquePath(), NextToken = "not a token!" }));
    }

    [Fact]
    public async Task GetParameters_SomeMissing_ReturnsFoundSortedAndListsInvalid()
    {
        var path = LocalSsmFixture.UniquePath();
        fixture.Store.SetParameter(path + "/b", LocalParameterType.String, "B");
        fixture.Store.SetParameter(path + "/a", LocalParameterType.StringList, "x,y");
        using var client = fixture.CreateClient();

        var response = await client.GetParametersAsync(
            new GetParametersRequest { Names = [path + "/b", path + "/missing", path + "/a"] });

        Assert.Equal([path + "/a", path + "/b"], response.Parameters.Select(p => p.Name));
        Assert.Equal(ParameterType.StringList, response.Parameters[0].Type);
        Assert.Equal([path + "/missing"], response.InvalidParameters);
    }

    [Fact]
    public async Task GetParameter_SecretReference_ReturnsCurrentValue()
    {
        var id = $"test/{Guid.NewGuid():N}/key";
        var secret = fixture.Store.EnsureSecret(id);
        using var client = fixture.CreateClient();

        var response = await client.GetParameterAsync(new GetParameterRequest { Name = SecretPrefix + id, WithDecryption = true });

        Assert.Equal(secret.Current, response.Parameter.Value);
        Assert.Equal(SecretPrefix + id, response.Parameter.Name);
        Assert.Equal(ParameterType.SecureString, response.Parameter.Type);
        Assert.StartsWith($"arn:aws:secretsmanager:{LocalSsmFixture.Region}:000000000000:secret:{id}-", response.Parameter.ARN, StringComparison.Ordinal);
        using var source = JsonDocument.Parse(response.Parameter.SourceResult);
        Assert.Equal(secret.Current, source.RootElement.GetProperty("SecretString").GetString());
        Assert.Equal(32, Convert.FromBase64String(secret.Current).Length);
    }

    [Fact]
    public async Task GetParameter_SecretReferenceWithPreviousStage_ReturnsPreviousValue()
    {
        var id = $"test/{Guid.NewGuid():N}/key";
        var original = fixture.Store.EnsureSecret(id);
        var rotated = fixture.Store.RotateSecret(id);
        using var client = fixture.CreateClient();

        var previous = await client.GetParameterAsync(
            new GetParameterRequest { Name = $"{SecretPrefix}{id}:AWSPREVIOUS", WithDecryption = true });
        var current = await client.GetParameterAsync(
            new GetParameterRequest { Name = $"{SecretPrefix}{id}:AWSCURRENT", WithDecryption = true });

        Assert.Equal(original.Current, previous.Parameter.Value);
        Assert.Equal(":AWSPREVIOUS", previous.Parameter.Selector);
        Assert.Equal(SecretPrefix + id, previous.Parameter.Name);
        Assert.Equal(rotated.Current, current.Parameter.Value);
        Assert.NotEqual(original.Current, rotated.Current);
    }

    [Fact]
    public async Task GetParameter_SecretWithoutPreviousVersion_ThrowsParameterNotFound()
    {
        var id = $"test/{Guid.NewGuid():N}/key";
        fixture.Store.EnsureSecret(id);
        using var client = fixture.CreateClient();

        await Assert.ThrowsAsync<ParameterNotFoundException>(() => client.GetParameterAsync(
            new GetParameterRequest { Name = $"{SecretPrefix}{id}:AWSPREVIOUS", WithDecryption = true }));
    }

    [Fact]
    public async Task GetParameter_SecretReferenceWithoutDecryption_FailsValidationLikeAws()
    {
        var id = $"test/{Guid.NewGuid():N}/key";
        var secret = fixture.Store.EnsureSecret(id);
        using var client = fixture.CreateClient();

        var error = await Assert.ThrowsAnyAsync<AmazonSimpleSystemsManagementException>(
            () => client.GetParameterAsync(new GetParameterRequest { Name = SecretPrefix + id, WithDecryption = false }));

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Contains("WithDecryption", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret.Current, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetParameter_MissingSecret_ThrowsParameterNotFound()
    {
        using var client = fixture.CreateClient();

        await Assert.ThrowsAsync<ParameterNotFoundException>(() => client.GetParameterAsync(
            new GetParameterRequest { Name = $"{SecretPrefix}test/{Guid.NewGuid():N}", WithDecryption = true }));
    }

    [Fact]
    public async Task Post_UnknownTarget_Answers400UnknownOperation()
    {
        using var http = new HttpClient();
        using var request = JsonRequest("AmazonSSM.DeleteParameter", "{\"Name\":\"/x\"}");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("UnknownOperationException", body.RootElement.GetProperty("__type").GetString());
    }

    [Fact]
    public async Task Post_MalformedJson_Answers400Serialization()
    {
        using var http = new HttpClient();
        using var request = JsonRequest("AmazonSSM.GetParameter", "{\"Name\":");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("SerializationException", body.RootElement.GetProperty("__type").GetString());
        Assert.Equal("application/x-amz-json-1.1", response.Content.Headers.ContentType?.MediaType);
    }

    private HttpRequestMessage JsonRequest(string target, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, fixture.Endpoint.ServiceUrl + "/")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.Add("X-Amz-Target", target);
        return request;
    }

    private List<string> AddChildren(string path, int count)
    {
        var names = Enumerable.Range(0, count).Select(i => $"{path}/p{i:D2}").ToList();
        foreach (var name in names)
        {
            fixture.Store.SetParameter(name, LocalParameterType.String, "value of " + name);
        }

        return names;
    }

    private static async Task<(List<string> Names, int Pages)> ReadAllPagesAsync(
        AmazonSimpleSystemsManagementClient client,
        string path,
        bool recursive)
    {
        var names = new List<string>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await client.GetParametersByPathAsync(
                new GetParametersByPathRequest { Path = path, Recursive = recursive, NextToken = token });
            pages++;
            Assert.InRange(page.Parameters.Count, 1, 10);
            names.AddRange(page.Parameters.Select(p => p.Name));
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        return (names, pages);
    }
}
