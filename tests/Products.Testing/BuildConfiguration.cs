namespace Products.Testing;

/// <summary>The configuration the running program (and so the function projects it references) was built with.</summary>
public static class BuildConfiguration
{
    /// <summary>
    /// Output lives in bin/&lt;Configuration&gt;/&lt;tfm&gt;/ and the functions' output follows the same pattern;
    /// anything else (a published tool) falls back to Debug.
    /// </summary>
    public static string Current { get; } = FromOutputDirectory();

    /// <summary>The <c>dotnet build</c> output of one function project in <see cref="Current"/>.</summary>
    public static string FunctionOutput(string repositoryRoot, string function) =>
        Path.Combine(repositoryRoot, "functions", function, "bin", Current, "net10.0");

    private static string FromOutputDirectory()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return output.Parent is { } configuration && configuration.Parent?.Name == "bin" ? configuration.Name : "Debug";
    }
}
