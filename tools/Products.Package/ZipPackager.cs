using System.IO.Compression;

namespace Products.Package;

// Zips a build's ARTIFACTS_DIR the way sam package does: its contents at the zip root.
internal static class ZipPackager
{
    public static async Task<PackageResult> CreateAsync(
        string name, BuildTargetKind kind, bool fat, string artifactsDirectory, string zipPath, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(zipPath)!);
        File.Delete(zipPath);
        await ZipFile.CreateFromDirectoryAsync(
            artifactsDirectory, zipPath, CompressionLevel.SmallestSize, includeBaseDirectory: false, cancellationToken);
        var files = Directory.EnumerateFiles(artifactsDirectory, "*", SearchOption.AllDirectories).Count();
        return new PackageResult(name, kind, fat, zipPath, new FileInfo(zipPath).Length, files);
    }
}
