using System.Collections;
using System.Globalization;

namespace Products.Emulator.Lambda;

/// <summary>The complete set of variables a function process starts with.</summary>
public static class FunctionProcessEnvironment
{
    // Dummy credentials: the local DynamoDB and SSM endpoints accept any signature, and the developer's own
    // credentials must never reach a function that believes it runs in AWS.
    public const string AccessKeyId = "AKIAIOSFODNN7EXAMPLE";
    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public const string SessionToken = "products-local-session-token";

    /// <summary>
    /// Lambda's defined variables, on top of the function's own, on top of the few host variables a local process
    /// needs. Nothing else is inherited from the emulator: a function sees what Lambda would give it, not the
    /// developer's shell (AWS_PROFILE, real credentials, endpoints). PATH lets <c>dotnet</c>/<c>node</c> and their
    /// children be found, HOME is where the .NET host and Node look for per-user state, and DOTNET_ROOT and the other
    /// DOTNET_* variables locate and configure a runtime installed outside the default place.
    /// </summary>
    public static Dictionary<string, string> Build(
        FunctionLaunchSpec spec,
        string runtimeApiEndpoint,
        string logStreamName,
        IReadOnlyDictionary<string, string> host)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in host)
        {
            if (name is "PATH" or "HOME" || name.StartsWith("DOTNET_", StringComparison.Ordinal))
            {
                variables[name] = value;
            }
        }

        variables[LambdaVariables.Lang] = "en_US.UTF-8";
        foreach (var (name, value) in spec.Environment)
        {
            variables[name] = value;
        }

        // Last, so they win even over a spec that skipped validation.
        var taskRoot = Path.GetFullPath(spec.WorkingDirectory);
        variables[LambdaVariables.RuntimeApi] = runtimeApiEndpoint;
        variables[LambdaVariables.Handler] = spec.Handler;
        variables[LambdaVariables.FunctionName] = spec.FunctionName;
        variables[LambdaVariables.FunctionVersion] = LambdaIdentifiers.LatestVersion;
        variables[LambdaVariables.FunctionMemorySize] = spec.MemorySizeMb.ToString(CultureInfo.InvariantCulture);
        variables[LambdaVariables.LogGroupName] = LambdaIdentifiers.LogGroupName(spec.FunctionName);
        variables[LambdaVariables.LogStreamName] = logStreamName;
        variables[LambdaVariables.InitializationType] = "on-demand";
        variables[LambdaVariables.Region] = spec.Region;
        variables[LambdaVariables.DefaultRegion] = spec.Region;
        variables[LambdaVariables.ExecutionEnv] = "AWS_Lambda_" + spec.Runtime;
        variables[LambdaVariables.TaskRoot] = taskRoot;
        variables[LambdaVariables.RuntimeDir] = spec.RuntimeDirectory ?? taskRoot;
        variables[LambdaVariables.TimeZone] = "UTC";
        variables[LambdaVariables.AccessKeyId] = AccessKeyId;
        variables[LambdaVariables.SecretAccessKey] = SecretAccessKey;
        variables[LambdaVariables.SessionToken] = SessionToken;
        return variables;
    }

    /// <summary>The emulator's own variables, as the host side of <see cref="Build"/>.</summary>
    public static IReadOnlyDictionary<string, string> CurrentHost()
    {
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && entry.Value is string value)
            {
                current[name] = value;
            }
        }

        return current;
    }
}
