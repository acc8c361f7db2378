using System.Diagnostics;

namespace Products.Packaging.Tests;

// What a finished process left: its exit code and both output streams.
internal sealed record ExitedProcess(int ExitCode, string StandardOutput, string StandardError)
{
    // Reads both streams to the end and waits for the exit. The token is only a guard against a process that never
    // ends: it is killed, and the caller's test fails.
    public static async Task<ExitedProcess> WaitAsync(Process process, CancellationToken cancellationToken)
    {
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return new ExitedProcess(process.ExitCode, await output, await error);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }
}
