namespace Products.Emulator.Tests.Template;

/// <summary>Finds the repository root (the folder holding Products.sln) from the test binaries, so tests read the real files.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string TemplatePath => System.IO.Path.Combine(Path, "template.yaml");

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Products.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Products.sln above {AppContext.BaseDirectory}");
    }
}
