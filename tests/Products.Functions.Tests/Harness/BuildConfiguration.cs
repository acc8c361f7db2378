namespace Products.Functions.Tests.Harness;

/// <summary>The configuration the tests (and so the referenced function projects) were built with.</summary>
internal static class BuildConfiguration
{
    // Test output lives in bin/<Configuration>/<tfm>/: the functions' output follows the same pattern.
    public static string Current { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string FunctionOutput(string repositoryRoot, string function) =>
        Path.Combine(repositoryRoot, "functions", function, "bin", Current, "net10.0");
}
