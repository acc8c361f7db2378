using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Products.Bench;

/// <summary>What the numbers were measured on, for the report.</summary>
public sealed record MachineInfo(string Cpu, int Cores, string Memory, string OperatingSystem, string Dotnet, string Node)
{
    public static MachineInfo Read() => new(
        FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        FirstValue("/proc/meminfo", "MemTotal") is { } total ? $"{long.Parse(total.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024 / 1024.0:0.0} GiB" : "?",
        (FirstValue("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription) + ", kernel " + Environment.OSVersion.Version,
        RuntimeInformation.FrameworkDescription,
        NodeVersion());

    private static string? FirstValue(string file, string key, char separator = ':')
    {
        if (!File.Exists(file))
        {
            return null;
        }

        foreach (var line in File.ReadLines(file))
        {
            var at = line.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && line[..at].Trim() == key)
            {
                return line[(at + 1)..].Trim();
            }
        }

        return null;
    }

    private static string NodeVersion()
    {
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            if (node is null)
            {
                return "?";
            }

            var version = node.StandardOutput.ReadToEnd().Trim();
            node.WaitForExit();
            return "Node.js " + version;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "node not found";
        }
    }
}
