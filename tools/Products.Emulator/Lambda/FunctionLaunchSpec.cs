namespace Products.Emulator.Lambda;

/// <summary>
/// What the emulator needs to run one function: who it is, how to start its runtime process, and its configuration.
/// <paramref name="Environment"/> holds the function's own variables (template <c>Environment.Variables</c>); the
/// variables Lambda defines are added by the emulator and may not be set here, as Lambda refuses them too.
/// </summary>
/// <param name="Command">The program to start: <c>dotnet</c>, a native binary, <c>node</c>...</param>
/// <param name="Handler">The template's <c>Handler</c>, given to the function as <c>_HANDLER</c>.</param>
public sealed record FunctionLaunchSpec(
    string LogicalId,
    string FunctionName,
    string Handler,
    string Command,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    TimeSpan Timeout,
    int MemorySizeMb,
    string Region)
{
    /// <summary>Lambda's memory range, "Configuring Lambda function memory" (128 MB to 10,240 MB).</summary>
    public const int MinMemorySizeMb = 128;

    public const int MaxMemorySizeMb = 10240;

    /// <summary>Lambda's longest function timeout, 900 seconds ("Lambda quotas").</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(900);

    /// <summary>The runtime identifier; the function sees it as <c>AWS_EXECUTION_ENV=AWS_Lambda_&lt;Runtime&gt;</c>.</summary>
    public string Runtime { get; init; } = "dotnet10";

    /// <summary><c>LAMBDA_RUNTIME_DIR</c> (/var/runtime on Lambda); the working directory when not set.</summary>
    public string? RuntimeDirectory { get; init; }

    /// <summary>
    /// The spec for a .NET build output folder, started the way the managed <c>dotnet10</c> runtime starts an
    /// executable assembly: <c>dotnet exec &lt;dir&gt;/&lt;Handler&gt;.dll</c>, or the native binary
    /// <c>&lt;dir&gt;/&lt;Handler&gt;</c> when no dll exists (a Native AOT build).
    /// </summary>
    /// <exception cref="FileNotFoundException">The folder holds neither.</exception>
    public static FunctionLaunchSpec ForDotnetBuildOutput(
        string logicalId,
        string functionName,
        string handler,
        string directory,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout,
        int memorySizeMb,
        string region,
        string dotnetHost = "dotnet")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(handler);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var root = Path.GetFullPath(directory);
        var assembly = Path.Combine(root, handler + ".dll");
        var native = Path.Combine(root, handler);
        string command;
        IReadOnlyList<string> arguments;
        if (File.Exists(assembly))
        {
            command = dotnetHost;
            arguments = ["exec", assembly];
        }
        else if (File.Exists(native))
        {
            command = native;
            arguments = [];
        }
        else
        {
            throw new FileNotFoundException(
                $"Function {logicalId}: {root} holds neither {handler}.dll nor the native executable {handler}. " +
                "Build the function first, and check that Handler names its assembly.",
                assembly);
        }

        return new FunctionLaunchSpec(
            logicalId, functionName, handler, command, arguments, root, environment, timeout, memorySizeMb, region);
    }

    /// <summary>Checks the spec the way CreateFunction would; throws <see cref="ArgumentException"/> naming the problem.</summary>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(LogicalId), "LogicalId is empty.");
        Require(!string.IsNullOrWhiteSpace(FunctionName), "FunctionName is empty.");
        Require(!string.IsNullOrWhiteSpace(Command), "Command is empty.");
        Require(!string.IsNullOrWhiteSpace(Region), "Region is empty.");
        Require(Directory.Exists(WorkingDirectory), $"WorkingDirectory '{WorkingDirectory}' does not exist.");
        Require(
            Timeout > TimeSpan.Zero && Timeout <= MaxTimeout,
            $"Timeout {Timeout.TotalSeconds} s is outside Lambda's range (0, {MaxTimeout.TotalSeconds}] s.");
        Require(
            MemorySizeMb is >= MinMemorySizeMb and <= MaxMemorySizeMb,
            $"MemorySize {MemorySizeMb} MB is outside Lambda's range {MinMemorySizeMb}..{MaxMemorySizeMb} MB.");
        var reserved = Environment.Keys.Where(LambdaVariables.Reserved.Contains).Order(StringComparer.Ordinal).ToList();
        // The wording of Lambda's own refusal, so the fix is the same locally and in AWS.
        Require(
            reserved.Count == 0,
            "Lambda was unable to configure your environment variables because the environment variables you have " +
            $"provided contains reserved keys that are currently not supported for modification. Reserved keys used " +
            $"in this request: {string.Join(", ", reserved)}");
    }

    private void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"Function {LogicalId}: {problem}");
        }
    }
}
