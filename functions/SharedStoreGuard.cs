using System.Reflection;
using System.Runtime.CompilerServices;

namespace Products.Functions;

// Compiled into every function (functions/Directory.Build.props). Ends the process before Main when an assembly the
// function was published against is missing, so a function deployed without its layer fails at start, never in the
// middle of a request.
// Why this exists: since .NET 8 the host no longer checks that the assemblies listed in the app's .deps.json exist
// on disk (a startup-time saving). A function published against the layer's runtime package store, started without
// that store (layer not attached, DOTNET_SHARED_STORE unset, or a layer built from other sources), therefore starts
// fine and only throws FileNotFoundException when code first touches Products.Data or the AWS SDK. The host has
// already probed the store by the time managed code runs: whatever it did not find there it left pointing into the
// app folder, which is what is checked here.
internal static class SharedStoreGuard
{
    // EX_CONFIG from sysexits.h: the deployment, not the code, is wrong.
    internal const int MissingDependencyExitCode = 78;

    [ModuleInitializer]
    internal static void EnsureDependenciesPresent()
    {
        var self = typeof(SharedStoreGuard).Assembly;

        // Only in the function's own process: a test host that loads this assembly resolves its own dependencies.
        if (Assembly.GetEntryAssembly() != self)
        {
            return;
        }

        // Native AOT has no trusted-platform list: everything is compiled into the one binary.
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is not string trustedAssemblies)
        {
            return;
        }

        var appDirectory = AppContext.BaseDirectory;
        List<string>? missing = null;
        foreach (var path in trustedAssemblies.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (path.StartsWith(appDirectory, StringComparison.Ordinal) && !File.Exists(path))
            {
                (missing ??= []).Add(Path.GetFileName(path));
            }
        }

        if (missing is null)
        {
            return;
        }

        missing.Sort(StringComparer.Ordinal);
        var name = self.GetName().Name;
        var store = Environment.GetEnvironmentVariable("DOTNET_SHARED_STORE");
        var storeState = string.IsNullOrEmpty(store)
            ? "DOTNET_SHARED_STORE is not set"
            : $"DOTNET_SHARED_STORE={store} does not hold them: the layer is missing or was built from other sources";
        Console.Error.WriteLine(
            $"{name} cannot start: {string.Join(", ", missing)} (listed in {name}.deps.json) found neither in " +
            $"{appDirectory} nor in a runtime package store ({storeState}). Deploy the function with the ProductsShared " +
            "layer built from the same sources and DOTNET_SHARED_STORE=/opt/dotnetcore/store/ (layers/README.md).");
        Environment.Exit(MissingDependencyExitCode);
    }
}
