using Products.Tooling;


namespace Products.Testing;

/// <summary>The checkout the tests run from.</summary>
public static class RepositoryRoot
{
    /// <summary>The folder holding Products.sln, found by walking up from the test assembly.</summary>
    public static string Path { get; } = RepositoryLayout.FindRoot(AppContext.BaseDirectory);

    /// <summary>The repository's SAM template.</summary>
    public static string TemplatePath => System.IO.Path.Combine(Path, "template.yaml");
}
