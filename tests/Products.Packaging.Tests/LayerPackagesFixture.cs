using System.Runtime.InteropServices;
using Products.Package;
using Products.Tooling;

namespace Products.Packaging.Tests;

// Builds the shared layer and the three functions once for the packaging tests (one collection), through the same
// Makefile targets sam build runs and the same zipping as tools/Products.Package, into a fresh temporary folder with
// its own store cache, so nothing built earlier in the checkout is reused.
public sealed class LayerPackagesFixture : IAsyncLifetime
{
    public const string LayerId = "ProductsSharedLayer";
    public const string FunctionId = "ListProductsFunction";
    public const string FunctionHandler = "ListProducts";
    public const string CreateFunctionId = "CreateProductFunction";
    public const string GetFunctionId = "GetProductFunction";

    public string WorkDirectory { get; } =
        Path.Combine(Path.GetTempPath(), "products-packaging-" + Guid.NewGuid().ToString("N"));

    // The architecture of this machine, so the packaged function can run here.
    public static string Architecture =>
        RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "arm64" : "x86_64";

    // The store's architecture folder for Architecture: dotnetcore/store/<x64|arm64>.
    public static string StoreArchitecture => Architecture == "arm64" ? "arm64" : "x64";

    internal PackageResult Layer { get; private set; } = null!;

    // ListProducts, the function most tests look at.
    internal PackageResult Function => Package(FunctionId);

    internal IReadOnlyList<PackageResult> Results { get; private set; } = [];

    internal PackageResult Package(string logicalId) => Results.Single(result => result.Name == logicalId);

    public async Task InitializeAsync()
    {
        var root = RepositoryLayout.FindRoot(AppContext.BaseDirectory);
        var targets = BuildTargets.Discover(root)
            .Where(target => target.LogicalId is LayerId or FunctionId or CreateFunctionId or GetFunctionId)
            .ToList();
        var options = new PackageOptions(
            root,
            Path.Combine(WorkDirectory, "package"),
            Architecture,
            IncludeFat: false,
            SharedLayerCache: Path.Combine(WorkDirectory, "shared-layer"));

        Directory.CreateDirectory(WorkDirectory);
        await using var log = File.CreateText(Path.Combine(WorkDirectory, "build.log"));
        Results = await new Packager(log).PackageAsync(targets, options, CancellationToken.None);
        Layer = Package(LayerId);
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(WorkDirectory))
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }

        return Task.CompletedTask;
    }

    // A fresh folder for one test's unpacked copy.
    public string NewTestDirectory() => Path.Combine(WorkDirectory, "run-" + Guid.NewGuid().ToString("N"));
}

// One build of the packages for every class that needs them.
[CollectionDefinition(Name)]
public sealed class BuiltPackages : ICollectionFixture<LayerPackagesFixture>
{
    public const string Name = "Packages";
}
