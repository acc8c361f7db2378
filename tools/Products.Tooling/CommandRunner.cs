using System.ComponentModel;
using System.Diagnostics;

namespace Products.Tooling;

/// <summary>
/// Runs a command (make, npm, dotnet) to completion. Its output goes to <c>log</c> line by line as it comes, and its last
/// lines are kept for the error when it fails: the end of a build log says what failed, the start is restore noise.
/// </summary>
public static class CommandRunner
{
    public const int TailLines = 40;

    /// <param name="environment">Variables set for the command on top of this process's own; null for none.</param>
    /// <param name="log">Receives every output line (stdout and stderr) from the reader threads; null to keep only the tail.</param>
    /// <exception cref="CommandFailedException">The program is not on PATH, or it exited with a non-zero code.</exception>
    /// <exception cref="OperationCanceledException">Cancelled: the command and everything it started are killed first.</exception>
    public static async Task RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
        Action<string>? log,
        CancellationToken ct)
    {
        var startInfo = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        var tail = new OutputTail(TailLines);
        void Receive(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                tail.Add(e.Data);
                log?.Invoke(e.Data);
            }
        }

        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += Receive;
        process.ErrorDataReceived += Receive;
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new CommandFailedException($"'{fileName}' was not found on PATH.", e) { NotFound = true };
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new CommandFailedException(
                $"'{fileName} {string.Join(' ', arguments)}' failed with exit code {process.ExitCode} in {workingDirectory}:{Environment.NewLine}{tail}");
        }
    }
}
