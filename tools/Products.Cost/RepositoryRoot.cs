namespace Products.Cost;

/// <summary>The checkout: the first folder holding template.yaml, from the working directory up, then from the tool's own folder up.</summary>
internal static class RepositoryRoot
{
    public static string Find() =>
        Search(Directory.GetCurrentDirectory()) ?? Search(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException("Run inside the Products checkout (no template.yaml found above here), or give --output.");

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
