using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Products.Lambda.Environment;
using Products.Lambda.Parameters;
using Products.Emulator.Ssm;

namespace Products.Emulator.Tests.Ssm;

/// <summary>The factory's client reaches whatever AWS_ENDPOINT_URL_SSM names, as function code does locally.</summary>
public sealed class SsmClientFactoryTests(LocalSsmFixture fixture) : IClassFixture<LocalSsmFixture>
{
    [Fact]
    public async Task Create_ServiceEndpointVariable_ClientCallsThatEndpoint()
    {
        var name = LocalSsmFixture.UniquePath() + "/p";
        fixture.Store.SetParameter(name, LocalParameterType.String, "reached");
        using var client = (AmazonSimpleSystemsManagementClient)SsmClientFactory.Create(Environment(
            (EnvironmentVariableNames.Region, "eu-central-1"),
            (EnvironmentVariableNames.EndpointUrlSsm, fixture.Endpoint.ServiceUrl),
            (EnvironmentVariableNames.AccessKeyId, "local"),
            (EnvironmentVariableNames.SecretAccessKey, "local"),
            (EnvironmentVariableNames.SessionToken, "token")));

        var response = await client.GetParameterAsync(new GetParameterRequest { Name = name });

        Assert.Equal("reached", response.Parameter.Value);
        // The region the client signs with reaches the ARN through the SigV4 credential scope.
        Assert.StartsWith("arn:aws:ssm:eu-central-1:", response.Parameter.ARN, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_GlobalEndpointVariable_IsUsedWhenNoServiceOne()
    {
        using var client = (AmazonSimpleSystemsManagementClient)SsmClientFactory.Create(Environment(
            (EnvironmentVariableNames.Region, "eu-central-1"),
            (EnvironmentVariableNames.EndpointUrl, "http://127.0.0.1:4566")));

        Assert.Equal(new Uri("http://127.0.0.1:4566"), new Uri(client.Config.ServiceURL));
    }

    [Fact]
    public void Create_IgnoreConfiguredEndpoints_UsesRegion()
    {
        using var client = (AmazonSimpleSystemsManagementClient)SsmClientFactory.Create(Environment(
            (EnvironmentVariableNames.Region, "eu-central-1"),
            (EnvironmentVariableNames.EndpointUrlSsm, "http://127.0.0.1:4566"),
            (EnvironmentVariableNames.IgnoreConfiguredEndpointUrls, "true")));

        Assert.Null(client.Config.ServiceURL);
        Assert.Equal("eu-central-1", client.Config.RegionEndpoint?.SystemName);
    }

    [Fact]
    public void Create_BoundsRetriesAndTimeouts()
    {
        using var client = (AmazonSimpleSystemsManagementClient)SsmClientFactory.Create(Environment(
            (EnvironmentVariableNames.Region, "eu-central-1")));

        Assert.Equal(2, client.Config.MaxErrorRetry);
        Assert.NotNull(client.Config.Timeout);
        Assert.True(client.Config.Timeout <= TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Create_NoRegion_ThrowsNamingVariable()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SsmClientFactory.Create(Environment()));

        Assert.Contains(EnvironmentVariableNames.Region, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RelativeEndpoint_ThrowsClearError()
    {
        Assert.Throws<InvalidOperationException>(() => SsmClientFactory.Create(Environment(
            (EnvironmentVariableNames.Region, "eu-central-1"),
            (EnvironmentVariableNames.EndpointUrlSsm, "localhost-without-scheme"))));
    }

    private static DictionaryEnvironment Environment(params (string Name, string Value)[] values) =>
        new(values.ToDictionary(pair => pair.Name, pair => pair.Value));
}
