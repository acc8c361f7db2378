using System.Globalization;

namespace Products.Package;

// The size table printed at the end, and the function-size budget check.
public static class PackageReport
{
    // False when a function zip published against the layer is over PackageOptions.MaxFunctionBytes.
    public static bool Write(IReadOnlyList<PackageResult> results, TextWriter output)
    {
        var withinBudget = true;
        output.WriteLine();
        output.WriteLine(Row("package", "files", "bytes", "KB", "zip"));
        foreach (var result in results)
        {
            var name = result.Fat ? result.Name + " (no layer)" : result.Name;
            output.WriteLine(Row(
                name,
                result.Files.ToString(CultureInfo.InvariantCulture),
                result.Bytes.ToString("N0", CultureInfo.InvariantCulture),
                result.Kilobytes.ToString("N1", CultureInfo.InvariantCulture),
                result.ZipPath));
            if (IsOverBudget(result))
            {
                withinBudget = false;
                output.WriteLine(
                    $"  {result.Name} is over the {PackageOptions.MaxFunctionBytes / 1024} KB budget for a function published against the layer");
            }
        }

        return withinBudget;
    }

    public static bool IsOverBudget(PackageResult result) =>
        result is { Kind: BuildTargetKind.Function, Fat: false } && result.Bytes > PackageOptions.MaxFunctionBytes;

    private static string Row(string name, string files, string bytes, string kilobytes, string zip) =>
        $"{name,-36} {files,6} {bytes,12} {kilobytes,10}  {zip}";
}
