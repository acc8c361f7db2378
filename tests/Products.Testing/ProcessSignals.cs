using System.Diagnostics;

namespace Products.Testing;

/// <summary>
/// Signals for processes a test wants to misbehave (function processes, dynalite), through the <c>kill</c> command so
/// the signal numbers are the platform's own. Linux and macOS only.
/// </summary>
public static class ProcessSignals
{
    /// <summary>Freezes the process (SIGSTOP): it keeps its sockets but answers nothing until <see cref="Thaw"/>.</summary>
    public static void Freeze(int processId) => Send("-STOP", processId);

    /// <summary>Lets a frozen process run again (SIGCONT).</summary>
    public static void Thaw(int processId) => Send("-CONT", processId);

    /// <summary>Asks the process to stop (SIGTERM), as a service manager or <c>kill</c> does.</summary>
    public static void Terminate(int processId) => Send("-TERM", processId);

    /// <summary>Kills the process at once (SIGKILL), as the OOM killer or a crash would; frozen processes too.</summary>
    public static void Kill(int processId) => Send("-KILL", processId);

    private static void Send(string signal, int processId)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [signal, processId.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
        })!;
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} {processId} failed with exit code {kill.ExitCode}.");
        }
    }
}
