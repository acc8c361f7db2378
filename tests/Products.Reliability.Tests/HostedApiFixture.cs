using Products.Local.DynamoDb;
using Products.Local.Hosting;
using Products.Reliability.Target;

namespace Products.Reliability.Tests;

/// <summary>
/// The local API hosted once for all reliability tests (template.yaml, dynalite on disk, the functions as processes,
/// built with the tests). The tests share it one after another: faults and the table checks must not overlap.
/// </summary>
public sealed class HostedApiFixture : IAsyncLifetime
{
    // Test output lives in bin/<Configuration>/<tfm>/; the referenced function projects were built the same way.
    private static readonly string Configuration =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private ApiTarget? _target;

    internal ApiTarget Target => _target ?? throw new InvalidOperationException("The API is not started.");

    public async Task InitializeAsync() => _target = await ApiTarget.StartLocalAsync(
        new LocalTargetOptions
        {
            RepositoryRoot = RepositoryLayout.FindRoot(AppContext.BaseDirectory),
            Build = BuildMode.Prebuilt,
            Configuration = Configuration,
        },
        CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_target is not null)
        {
            await _target.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SharedHostedApi : ICollectionFixture<HostedApiFixture>
{
    public const string Name = "hosted API";
}
