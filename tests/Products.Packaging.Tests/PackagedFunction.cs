using System.Diagnostics;
using System.IO.Compression;

namespace Products.Packaging.Tests;

// A function zip (and optionally the layer zip) unpacked the way Lambda lays them out: the function in task/
// (standing in for /var/task), the layer in opt/ (for /opt). StartAsync starts it the way the dotnet10
// managed runtime does, dotnet exec <task>/<Handler>.dll, with DOTNET_SHARED_STORE pointing into opt/
// as template.yaml sets it.
internal sealed class PackagedFunction
{
    // Variables of the test process that would change how the host resolves the function's dependencies.
    private static readonly string[] HostVariables = ["DOTNET_SHARED_STORE", "DOTNET_ADDITIONAL_DEPS", "DOTNET_STARTUP_HOOKS"];

    private PackagedFunction(string taskRoot, string? optRoot, string handler)
    {
        TaskRoot = taskRoot;
        OptRoot = optRoot;
        Handler = handler;
    }

    public string TaskRoot { get; }

    // Where the layer was unpacked; null when the function runs without it.
    public string? OptRoot { get; }

    public string Handler { get; }

    // The DOTNET_SHARED_STORE value for this layout (template.yaml: /opt/dotnetcore/store/).
    public string? SharedStore => OptRoot is null ? null : Path.Combine(OptRoot, "dotnetcore", "store") + Path.DirectorySeparatorChar;

    public static async Task<PackagedFunction> UnpackAsync(
        string functionZip, string handler, string? layerZip, string directory, CancellationToken cancellationToken)
    {
        var taskRoot = Path.Combine(directory, "task");
        await ZipFile.ExtractToDirectoryAsync(functionZip, taskRoot, cancellationToken);
        string? optRoot = null;
        if (layerZip is not null)
        {
            optRoot = Path.Combine(directory, "opt");
            await ZipFile.ExtractToDirectoryAsync(layerZip, optRoot, cancellationToken);
        }

        return new PackagedFunction(taskRoot, optRoot, handler);
    }

    // Starts the function with stdout and stderr redirected. environment is applied last: a null
    // value removes a variable (for example DOTNET_SHARED_STORE, to start as if the layer were missing).
    public Task<Process> StartAsync(IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = TaskRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(TaskRoot, Handler + ".dll"));
        foreach (var name in HostVariables)
        {
            start.Environment.Remove(name);
        }

        start.Environment["LAMBDA_TASK_ROOT"] = TaskRoot;
        start.Environment["_HANDLER"] = Handler;
        if (SharedStore is not null)
        {
            start.Environment["DOTNET_SHARED_STORE"] = SharedStore;
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return Task.FromResult(Process.Start(start) ?? throw new InvalidOperationException($"could not start {Handler}"));
    }
}
