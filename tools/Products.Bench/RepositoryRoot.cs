namespace Products.Bench;

/// <summary>The checkout: the first folder holding template.yaml, from the working directory up, then from the tool's own folder up.</summary>
public static class RepositoryRoot
{
    public static string Find() =>
        Search(Directory.GetCurrentDirectory()) ?? Search(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Run the benchmark inside the Products checkout (no template.yaml found above here).");

    private static string? Search(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "template.yaml")) && Directory.Exists(Path.Combine(directory.FullName, "functions")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
