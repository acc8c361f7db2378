using Products.Emulator.Template;

namespace Products.Emulator.Hosting;

/// <summary>
/// A function's environment variables as the template gives them, placed on this machine: values under <c>/opt/</c>
/// (where Lambda extracts layers) point into the local layer folder, or are left out when the function runs without
/// layers. The local API and the function tests both start functions with it.
/// </summary>
public static class FunctionEnvironment
{
    private const string LayerRoot = "/opt/";

    /// <param name="function">The function as the template loader resolved it.</param>
    /// <param name="optDirectory">The local folder standing for <c>/opt</c>; null when the function carries its dependencies itself.</param>
    public static Dictionary<string, string> From(FunctionDefinition function, string? optDirectory)
    {
        ArgumentNullException.ThrowIfNull(function);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in function.Environment)
        {
            if (!value.StartsWith(LayerRoot, StringComparison.Ordinal))
            {
                environment[name] = value;
            }
            else if (optDirectory is not null)
            {
                environment[name] = Path.Combine(optDirectory, value[LayerRoot.Length..]);
            }
        }

        return environment;
    }
}
