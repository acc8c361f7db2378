using Products.Emulator.Hosting;

namespace Products.Reliability.Target;

/// <summary>How the suites host the local API in this process.</summary>
public sealed record LocalTargetOptions
{
    public required string RepositoryRoot { get; init; }

    public BuildMode Build { get; init; } = BuildMode.Packaged;

    /// <summary>Build configuration of project or prebuilt function output.</summary>
    public string Configuration { get; init; } = "Release";

    /// <summary>Execution environments per function (the emulator's default is Lambda's, 10).</summary>
    public int MaxConcurrency { get; init; } = 10;

    /// <summary>Progress lines of the emulator (build, start); access-log lines are never shown, there are thousands.</summary>
    public Action<string> Progress { get; init; } = _ => { };

    /// <summary>Show the functions' own log lines.</summary>
    public bool FunctionLogs { get; init; }
}
