namespace Products.Package;

// Locates the checkout: the folder holding Products.sln, layers/ and functions/.
public static class Checkout
{
    public static string? FindRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (IsRoot(folder.FullName))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    public static bool IsRoot(string folder) =>
        File.Exists(Path.Combine(folder, "Products.sln"))
        && Directory.Exists(Path.Combine(folder, "layers"))
        && Directory.Exists(Path.Combine(folder, "functions"));
}
