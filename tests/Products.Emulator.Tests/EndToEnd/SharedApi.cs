using Products.Testing;

namespace Products.Emulator.Tests.EndToEnd;

/// <summary>
/// One local API for the end-to-end tests that need template.yaml as it is. A concurrency limit of 4 keeps the
/// concurrency test to a few processes on a small machine while still making it throttle.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedApi : ICollectionFixture<SharedApi.Fixture>
{
    public const string Name = "Local API";

    public const int MaxConcurrency = 4;

    public sealed class Fixture() : LocalApiFixture(new LocalApiFixtureOptions { MaxConcurrency = MaxConcurrency });
}
