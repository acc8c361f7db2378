using System.Globalization;

namespace Products.Bench;

/// <summary>Peak resident set size of a process: VmHWM in /proc/&lt;pid&gt;/status (proc(5)).</summary>
internal static class ProcessMemory
{
    /// <summary>Peak RSS in bytes, or null when the process is gone or /proc is not there.</summary>
    public static long? PeakResidentBytes(int processId)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Gone between the listing and the read.
        }

        return null;
    }
}
