using System.Globalization;

namespace Products.Reliability.Faults;

/// <summary>
/// The function processes this process started (the hosted API's execution environments), found through /proc:
/// children whose command line names the function's handler assembly. Linux only, like the SIGSTOP fault.
/// </summary>
internal static class FunctionProcesses
{
    public static IReadOnlyList<int> Of(string handler)
    {
        var self = Environment.ProcessId;
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == self
                    && commandLine.Contains(handler, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }

    public static void Kill(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            process.Kill();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }
}
