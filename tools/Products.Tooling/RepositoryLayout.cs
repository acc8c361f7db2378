namespace Products.Tooling;

/// <summary>Where the checkout is: the folder holding Products.sln.</summary>
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
            if (IsRoot(directory.FullName))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="folder"/> is the root of a checkout (it holds Products.sln).</summary>
    public static bool IsRoot(string folder) => File.Exists(Path.Combine(folder, SolutionFile));

    /// <summary>
    /// The checkout a command works on: the one around the working directory, else the one the tool was built in.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">Neither folder is inside a checkout.</exception>
    public static string FindForCommand() =>
        TryFindRoot(Directory.GetCurrentDirectory()) ?? FindRoot(AppContext.BaseDirectory);
}
