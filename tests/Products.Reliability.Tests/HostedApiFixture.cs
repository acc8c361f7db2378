using Products.Reliability.Target;
using Products.Testing;

namespace Products.Reliability.Tests;

/// <summary>
/// The local API (Products.Testing's fixture) with its DynamoDB data on disk, so the engine can be killed and started
/// again on the same data. The reliability tests share it one after another: faults and table checks must not overlap.
/// </summary>
public sealed class HostedApiFixture() : LocalApiFixture(new LocalApiFixtureOptions { DataDirectory = DataPath }), IAsyncLifetime
{
    private static readonly string DataPath =
        Path.Combine(Path.GetTempPath(), "products-reliability-tests-" + Guid.NewGuid().ToString("N")[..12]);

    // Every answer the suites get is checked against openapi.yaml.
    internal ApiTarget Target => field ??= ApiTarget.ForRunning(HostedApi, CheckContract);

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DataPath))
        {
            Directory.Delete(DataPath, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SharedHostedApi : ICollectionFixture<HostedApiFixture>
{
    public const string Name = "hosted API";
}
