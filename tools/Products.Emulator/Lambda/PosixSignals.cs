using System.Runtime.InteropServices;

namespace Products.Emulator.Lambda;

/// <summary>
/// SIGTERM for a process we started: .NET can only kill (SIGKILL), and a function deserves the chance Lambda gives
/// a runtime to shut down ("Shutdown phase" in "Understanding the Lambda execution environment lifecycle").
/// </summary>
internal static class PosixSignals
{
    private const int SigTerm = 15; // The same number on Linux and macOS.

    /// <summary>True when the signal was sent; false on Windows or when the process is gone.</summary>
    public static bool TryTerminate(int processId) =>
        !OperatingSystem.IsWindows() && Kill(processId, SigTerm) == 0;

    // DllImport rather than LibraryImport: int in, int out needs no marshalling, and LibraryImport would make the
    // whole project compile with unsafe code allowed.
    [DllImport("libc", EntryPoint = "kill")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
