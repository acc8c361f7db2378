using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Products.Tooling;

namespace Products.Emulator.DynamoDb;

/// <summary>
/// One dynalite process (the local DynamoDB engine, docs/architecture.md) on 127.0.0.1, for tests and the local emulator.
/// It can be stopped and started again on the same port and data path, and paused, to play outages.
/// </summary>
public sealed class DynaliteServer : IAsyncDisposable
{
    private const int PortAttempts = 5;
    private const int KeptOutputLines = 30;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ReadyPollInterval = TimeSpan.FromMilliseconds(50);

    private readonly DynaliteOptions options;
    private readonly string packageDirectory;
    private readonly HttpClient probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly OutputTail output = new(KeptOutputLines);
    private Process? process;

    private DynaliteServer(DynaliteOptions options, string packageDirectory, int port)
    {
        this.options = options;
        this.packageDirectory = packageDirectory;
        Port = port;
    }

    public int Port { get; private set; }

    /// <summary>The endpoint to give the SDK (ServiceURL, or AWS_ENDPOINT_URL_DYNAMODB for a function).</summary>
    public Uri ServiceUrl => new($"http://127.0.0.1:{Port}");

    public bool IsRunning => process is { HasExited: false };

    /// <summary>Installs dynalite if needed, starts it and returns once it answers requests.</summary>
    /// <exception cref="DynaliteException">Node.js or npm is missing, the install failed, or dynalite did not start.</exception>
    public static async Task<DynaliteServer> StartAsync(DynaliteOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var packageDirectory = PackageDirectory(options.RepositoryRoot);
        await DynaliteInstaller.EnsureInstalledAsync(packageDirectory, ct);
        if (options.DataPath is not null)
        {
            Directory.CreateDirectory(options.DataPath);
        }

        var server = new DynaliteServer(options, packageDirectory, options.Port);
        try
        {
            await server.StartOnAnyPortAsync(ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts dynalite again after <see cref="StopAsync"/>, on the same port and data path.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("dynalite is already running.");
        }

        await StartProcessAsync(ct);
    }

    /// <summary>Kills dynalite (and anything it started) and waits until it is gone. Data on a path survives.</summary>
    public async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        using var stopping = process;
        process = null;
        if (!stopping.HasExited)
        {
            stopping.Kill(entireProcessTree: true);
        }

        await stopping.WaitForExitAsync();
    }

    /// <summary>Freezes dynalite (SIGSTOP): connections are accepted by the kernel but never answered.</summary>
    public void Pause() => Signal("-STOP");

    /// <summary>Lets a paused dynalite run again (SIGCONT).</summary>
    public void Resume() => Signal("-CONT");

    public async ValueTask DisposeAsync()
    {
        // SIGKILL also ends a paused (stopped) process: no need to resume it first.
        await StopAsync();
        probe.Dispose();
    }

    private async Task StartOnAnyPortAsync(CancellationToken ct)
    {
        // A free port can be taken between asking and binding; with a chosen port (options.Port) that is the caller's
        // problem, with port 0 we simply try another one.
        for (var attempt = 1; ; attempt++)
        {
            if (options.Port == 0)
            {
                Port = FreePort.Next();
            }

            try
            {
                await StartProcessAsync(ct);
                return;
            }
            catch (DynaliteException) when (options.Port == 0 && attempt < PortAttempts && OutputMentions("EADDRINUSE"))
            {
                output.Clear();
            }
        }
    }

    private async Task StartProcessAsync(CancellationToken ct)
    {
        var arguments = new List<string>
        {
            "--require", Path.Combine(packageDirectory, "exit-with-parent.cjs"),
            DynaliteInstaller.CliPath(packageDirectory),
            "--host", "127.0.0.1",
            "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--createTableMs", "0",
            "--deleteTableMs", "0",
            "--updateTableMs", "0",
        };
        if (options.DataPath is not null)
        {
            arguments.AddRange(["--path", Path.GetFullPath(options.DataPath)]);
        }

        var startInfo = new ProcessStartInfo("node", arguments)
        {
            WorkingDirectory = packageDirectory,
            RedirectStandardInput = true, // held open: see exit-with-parent.cjs
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // dynalite prints this once its own socket listens; an HTTP answer alone could come from another server that
        // already holds the port.
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new Process { StartInfo = startInfo };
        started.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("Dynalite listening at", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }

            Keep(e.Data);
        };
        started.ErrorDataReceived += (_, e) => Keep(e.Data);
        try
        {
            started.Start();
        }
        catch (Win32Exception e)
        {
            started.Dispose();
            throw new DynaliteException(
                "node was not found on PATH. Install Node.js 20 or later to run the local DynamoDB engine (dynalite).", e);
        }

        process = started;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await WaitUntilReadyAsync(process, listening.Task, ct);
        }
        catch
        {
            await StopAsync();
            throw;
        }
    }

    private async Task WaitUntilReadyAsync(Process started, Task listening, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (true)
        {
            if (started.HasExited)
            {
                await started.WaitForExitAsync(ct); // flushes the output handlers
                throw new DynaliteException(
                    $"dynalite exited with code {started.ExitCode} while starting on port {Port}:{Environment.NewLine}{Output()}");
            }

            if (listening.IsCompleted && await AnswersAsync(ct))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new DynaliteException(
                    $"dynalite did not answer on port {Port} within {ReadyTimeout.TotalSeconds:0} s:{Environment.NewLine}{Output()}");
            }

            await Task.Delay(ReadyPollInterval, ct);
        }
    }

    // Any HTTP answer proves the server serves requests: unsigned, this ListTables gets a 400 MissingAuthenticationToken.
    private async Task<bool> AnswersAsync(CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ServiceUrl)
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.0"),
        };
        request.Headers.Add("X-Amz-Target", "DynamoDB_20120810.ListTables");
        try
        {
            using var response = await probe.SendAsync(request, ct);
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Signal(string signal)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            throw new PlatformNotSupportedException("Pausing dynalite uses POSIX signals.");
        }

        if (process is not { HasExited: false } running)
        {
            throw new InvalidOperationException("dynalite is not running.");
        }

        var pid = running.Id.ToString(CultureInfo.InvariantCulture);
        using var kill = Process.Start(new ProcessStartInfo("kill", [signal, pid]) { UseShellExecute = false })!;
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} {pid} failed with exit code {kill.ExitCode}.");
        }
    }

    /// <summary>The npm package that pins dynalite.</summary>
    private static string PackageDirectory(string repositoryRoot) => Path.Combine(repositoryRoot, "tools", "dynamodb-local");

    private void Keep(string? line)
    {
        if (line is not null)
        {
            output.Add(line);
        }
    }

    private bool OutputMentions(string text) => output.Snapshot().Any(line => line.Contains(text, StringComparison.Ordinal));

    private string Output() => output.ToString();
}
