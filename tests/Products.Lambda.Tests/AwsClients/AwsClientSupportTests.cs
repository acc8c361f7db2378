using System.Collections.Concurrent;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Microsoft.AspNetCore.Http;
using Products.Lambda.AwsClients;
using Products.Lambda.Environment;
using Products.Emulator.Http;

namespace Products.Lambda.Tests.AwsClients;

public sealed class AwsClientSupportTests
{
    [Fact]
    public void FromEnvironment_KeyVariablesWithSessionToken_UsesThemAsSessionCredentials()
    {
        var aws = AwsClientSupport.FromEnvironment(Environment(new()
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
            ["AWS_SECRET_ACCESS_KEY"] = "secret",
            ["AWS_SESSION_TOKEN"] = "token",
        }));

        var credentials = Assert.IsType<SessionAWSCredentials>(aws.Credentials).GetCredentials();
        Assert.Equal("AKIDEXAMPLE", credentials.AccessKey);
        Assert.Equal("token", credentials.Token);
    }

    [Fact]
    public void FromEnvironment_KeysWithoutToken_UsesBasicCredentials()
    {
        var aws = AwsClientSupport.FromEnvironment(Environment(new()
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
            ["AWS_SECRET_ACCESS_KEY"] = "secret",
        }));

        Assert.IsType<BasicAWSCredentials>(aws.Credentials);
    }

    [Fact]
    public void FromEnvironment_OnlyTheContainerEndpoint_UsesRefreshingContainerCredentials()
    {
        // What a SnapStart environment gets instead of key variables. The SDK's container provider reads the process's
        // own variables, so the test sets it there too (no other test of this assembly reads it).
        const string FullUri = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
        const string Endpoint = "http://127.0.0.1:9/credentials";
        System.Environment.SetEnvironmentVariable(FullUri, Endpoint);
        try
        {
            var aws = AwsClientSupport.FromEnvironment(Environment(new() { [FullUri] = Endpoint }));

            Assert.IsAssignableFrom<RefreshingAWSCredentials>(aws.Credentials);
        }
        finally
        {
            System.Environment.SetEnvironmentVariable(FullUri, null);
        }
    }

    [Fact]
    public void FromEnvironment_NothingSet_LeavesTheChoiceToTheSdk()
    {
        var aws = AwsClientSupport.FromEnvironment(Environment(new()));

        Assert.Null(aws.Credentials);
    }

    [Fact]
    public async Task RenewAfterRestore_NextRequestGoesOverANewConnection()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var clientPorts = new ConcurrentQueue<int>();
        await using var server = await LoopbackHttpServer.StartAsync(
            context =>
            {
                clientPorts.Enqueue(context.Connection.RemotePort);
                context.Response.StatusCode = StatusCodes.Status200OK;
                return Task.CompletedTask;
            },
            0,
            null,
            null,
            timeout.Token);
        var aws = AwsClientSupport.FromEnvironment(Environment(new()));
        var config = new AmazonSimpleSystemsManagementConfig { Timeout = TimeSpan.FromSeconds(5) };
        using var http = aws.HttpClientFactory.CreateHttpClient(config);

        (await http.GetAsync(server.BaseAddress, timeout.Token)).Dispose();
        (await http.GetAsync(server.BaseAddress, timeout.Token)).Dispose();
        aws.RenewAfterRestore();
        (await http.GetAsync(server.BaseAddress, timeout.Token)).Dispose();

        var ports = clientPorts.ToArray();
        Assert.Equal(3, ports.Length);
        Assert.Equal(ports[0], ports[1]);
        Assert.NotEqual(ports[1], ports[2]);
        Assert.Equal(TimeSpan.FromSeconds(5), http.Timeout);
    }

    private static DictionaryEnvironment Environment(Dictionary<string, string> values) => new(values);
}
