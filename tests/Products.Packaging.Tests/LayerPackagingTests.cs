using System.IO.Compression;

namespace Products.Packaging.Tests;

[Collection(BuiltPackages.Name)]
public sealed class LayerPackagingTests(LayerPackagesFixture packages)
{
    // SharedStoreGuard.MissingDependencyExitCode in functions/SharedStoreGuard.cs (EX_CONFIG).
    private const int MissingDependencyExitCode = 78;

    // Only a guard against a process that never ends; no test asserts on time.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    [Fact]
    public void FunctionZip_PublishedAgainstLayer_HoldsOnlyTheFunctionsOwnFiles()
    {
        var entries = EntryNames(packages.Function.ZipPath);

        Assert.Contains("ListProducts.dll", entries);
        Assert.Contains("ListProducts.deps.json", entries);
        Assert.Contains("ListProducts.runtimeconfig.json", entries);
        Assert.All(entries, entry => Assert.StartsWith("ListProducts.", entry, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, entry => entry.StartsWith("Products.", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, entry => entry.StartsWith("AWSSDK", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(LayerPackagesFixture.FunctionId)]
    [InlineData(LayerPackagesFixture.CreateFunctionId)]
    [InlineData(LayerPackagesFixture.GetFunctionId)]
    public void FunctionZip_PublishedAgainstLayer_FitsIn64KB(string logicalId)
    {
        Assert.InRange(packages.Package(logicalId).Bytes, 1, 64 * 1024);
    }

    [Fact]
    public void LayerZip_Root_HoldsTheRuntimePackageStoreWithTheSharedLibrariesAndTheSdk()
    {
        var entries = EntryNames(packages.Layer.ZipPath);
        var store = $"dotnetcore/store/{LayerPackagesFixture.StoreArchitecture}/net10.0/";

        Assert.Contains(store + "artifact.xml", entries);
        Assert.Contains(entries, entry => IsStoreAssembly(entry, store, "products.data", "Products.Data.dll"));
        Assert.Contains(entries, entry => IsStoreAssembly(entry, store, "products.lambda", "Products.Lambda.dll"));
        Assert.Contains(entries, entry => IsStoreAssembly(entry, store, "awssdk.dynamodbv2", "AWSSDK.DynamoDBv2.dll"));
        Assert.Contains(entries, entry => IsStoreAssembly(entry, store, "awssdk.core", "AWSSDK.Core.dll"));
    }

    [Fact]
    public async Task PackagedFunction_StartedWithoutTheLayer_FailsAtStartNamingTheMissingAssembly()
    {
        using var guard = new CancellationTokenSource(HangGuard);
        var function = await PackagedFunction.UnpackAsync(
            packages.Function.ZipPath, LayerPackagesFixture.FunctionHandler, layerZip: null, packages.NewTestDirectory(), guard.Token);

        using var process = await function.StartAsync(new Dictionary<string, string?>(), guard.Token);
        var exited = await ExitedProcess.WaitAsync(process, guard.Token);

        Assert.Equal(MissingDependencyExitCode, exited.ExitCode);
        Assert.Contains("ListProducts cannot start", exited.StandardError, StringComparison.Ordinal);
        Assert.Contains("Products.Data.dll", exited.StandardError, StringComparison.Ordinal);
        Assert.Contains("DOTNET_SHARED_STORE is not set", exited.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PackagedFunction_StartedWithALayerOfOtherSources_FailsAtStartNamingTheMissingPackage()
    {
        using var guard = new CancellationTokenSource(HangGuard);
        var function = await PackagedFunction.UnpackAsync(
            packages.Function.ZipPath, LayerPackagesFixture.FunctionHandler, packages.Layer.ZipPath, packages.NewTestDirectory(), guard.Token);
        var productsData = Path.Combine(function.SharedStore!, LayerPackagesFixture.StoreArchitecture, "net10.0", "products.data");
        var version = Assert.Single(Directory.GetDirectories(productsData));
        Directory.Move(version, Path.Combine(productsData, "1.0.0-src0000000000000000"));

        using var process = await function.StartAsync(new Dictionary<string, string?>(), guard.Token);
        var exited = await ExitedProcess.WaitAsync(process, guard.Token);

        // With a store present the host itself checks it and stops before any managed code runs.
        Assert.NotEqual(0, exited.ExitCode);
        Assert.Contains("package: 'Products.Data'", exited.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PackagedFunction_StartedWithTheLayer_ResolvesEverythingFromTheStore()
    {
        using var guard = new CancellationTokenSource(HangGuard);
        var function = await PackagedFunction.UnpackAsync(
            packages.Function.ZipPath, LayerPackagesFixture.FunctionHandler, packages.Layer.ZipPath, packages.NewTestDirectory(), guard.Token);

        // Nothing listens on the discard port: a function that gets past start-up fails on its first Runtime API call.
        using var process = await function.StartAsync(
            new Dictionary<string, string?> { ["AWS_LAMBDA_RUNTIME_API"] = "127.0.0.1:9" }, guard.Token);
        var exited = await ExitedProcess.WaitAsync(process, guard.Token);

        Assert.NotEqual(MissingDependencyExitCode, exited.ExitCode);
        Assert.DoesNotContain("cannot start", exited.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("was not found", exited.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("FileNotFoundException", exited.StandardError, StringComparison.Ordinal);
    }

    private static List<string> EntryNames(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        return zip.Entries.Select(entry => entry.FullName.Replace('\\', '/')).ToList();
    }

    private static bool IsStoreAssembly(string entry, string store, string package, string assembly) =>
        entry.StartsWith(store + package + "/", StringComparison.Ordinal)
        && entry.EndsWith("/" + assembly, StringComparison.Ordinal);
}
