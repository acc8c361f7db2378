using System.Diagnostics;

namespace Products.Emulator.Tests.Lambda;

/// <summary>Whether a pid still names a running process.</summary>
internal static class OsProcess
{
    public static bool IsRunning(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            // A zombie (exited, not yet reaped) is not running.
            var stat = $"/proc/{pid}/stat";
            try
            {
                var text = File.ReadAllText(stat);
                var state = text[(text.LastIndexOf(')') + 2)..][0];
                return state != 'Z' && state != 'X';
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
