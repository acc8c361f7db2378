using System.Collections.Concurrent;
using System.Diagnostics;
using Products.Emulator.Tests.Lambda;
using Products.Testing;

namespace Products.Emulator.Tests.EndToEnd;

/// <summary>The emulator as its command line runs it: a separate process, stopped the way a user or a service manager stops it.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Terminate_WhileServing_StopsWhatItStartedAndExitsZero()
    {
        var output = new ConcurrentQueue<string>();
        using var emulator = StartEmulator(output);
        try
        {
            Assert.True(await Eventually.TrueAsync(() => output.Any(l => l.StartsWith("Ctrl+C stops", StringComparison.Ordinal)) || emulator.HasExited), "the emulator did not start");
            var address = output.Single(l => l.StartsWith("Products API ", StringComparison.Ordinal)).Split(" at ")[1];
            using (var client = new HttpClient())
            {
                Assert.True((await client.GetAsync(new Uri(new Uri(address), "products"))).IsSuccessStatusCode);
            }

            ProcessSignals.Terminate(emulator.Id);
            await emulator.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

            Assert.Equal(0, emulator.ExitCode);
            Assert.Contains("stopping ...", output);
        }
        finally
        {
            if (!emulator.HasExited)
            {
                emulator.Kill(entireProcessTree: true);
            }
        }
    }

    // The emulator the test project was built with, on a free port, data in memory, the functions' existing output.
    private static Process StartEmulator(ConcurrentQueue<string> output)
    {
        var configuration = new LocalApiFixtureOptions().Configuration;
        var dll = Path.Combine(RepositoryRoot.Path, "tools", "Products.Local", "bin", configuration, "net10.0", "Products.Local.dll");
        var process = new Process
        {
            StartInfo = new ProcessStartInfo("dotnet", ["exec", dll, "--build", "prebuilt", "-c", configuration, "--in-memory", "--port", "0"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;

        void Keep(string? line)
        {
            if (line is not null)
            {
                output.Enqueue(line);
            }
        }
    }
}
