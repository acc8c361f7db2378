namespace Products.Emulator.DynamoDb;

/// <summary>Where things are in a checkout of this repository.</summary>
public static class RepositoryLayout
{
    private const string SolutionFile = "Products.sln";

    /// <summary>Walks up from <paramref name="startDirectory"/> to the folder holding Products.sln.</summary>
    /// <exception cref="DirectoryNotFoundException">No parent folder holds Products.sln.</exception>
    public static string FindRoot(string startDirectory) =>
        TryFindRoot(startDirectory) ?? throw new DirectoryNotFoundException(
            $"No folder above '{startDirectory}' holds {SolutionFile}; run from inside the repository.");

    /// <summary>Like <see cref="FindRoot"/>, but null when no parent folder holds Products.sln.</summary>
    public static string? TryFindRoot(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    /// <summary>The npm package that pins dynalite.</summary>
    public static string DynamoDbLocalDirectory(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "tools", "dynamodb-local");
}
