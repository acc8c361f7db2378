using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Products.Emulator.Ssm;

namespace Products.Emulator.Tests.Ssm;

/// <summary>
/// One local SSM endpoint over an in-memory store per test class. Tests add their own parameters under unique names,
/// so they never see each other's data or request counts.
/// </summary>
public sealed class LocalSsmFixture : IAsyncLifetime
{
    public const string Region = "eu-west-1";

    internal LocalParameterStore Store { get; } = LocalParameterStore.CreateInMemory();

    internal LocalSsmEndpoint Endpoint { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Endpoint = await LocalSsmEndpoint.StartAsync(Store, port: 0, CancellationToken.None);

    public async Task DisposeAsync() => await Endpoint.DisposeAsync();

    /// <summary>The real SDK client, pointed at the local endpoint with dummy credentials.</summary>
    public AmazonSimpleSystemsManagementClient CreateClient() => new(
        new BasicAWSCredentials("local-access-key", "local-secret-key"),
        new AmazonSimpleSystemsManagementConfig
        {
            ServiceURL = Endpoint.ServiceUrl,
            AuthenticationRegion = Region,
            MaxErrorRetry = 0,
        });

    /// <summary>A unique path for one test: /test/&lt;guid&gt;.</summary>
    public static string UniquePath() => $"/test/{Guid.NewGuid():N}";
}
