using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Products.Emulator.Hosting;

/// <summary>Runs a build command to completion, keeping its output for the error message when it fails.</summary>
public static class CommandRunner
{
    public static async Task RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
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

        Process process;
        try
        {
            process = Process.Start(startInfo)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"'{fileName}' was not found on PATH; it is needed to build the functions.", e);
        }

        using (process)
        {
            var output = new StringBuilder();
            var lines = new object();
            void Append(string? line)
            {
                if (line is not null)
                {
                    lock (lines)
                    {
                        output.AppendLine(line);
                    }
                }
            }

            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await process.WaitForExitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"'{fileName} {string.Join(' ', arguments)}' failed with exit code {process.ExitCode} in {workingDirectory}:{System.Environment.NewLine}{Tail(output.ToString())}");
            }
        }
    }

    // The end of a build log says what failed; the start is restore noise.
    private static string Tail(string text)
    {
        var lines = text.Split('\n');
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 40)));
    }
}
