using System.IO.Compression;

namespace Products.Bench;

/// <summary>Zipped sizes, zipped the way tools/Products.Package (and sam package) zip a build: contents at the root.</summary>
internal static class PackageSizes
{
    public static long ZipBytes(string directory)
    {
        using var zip = new MemoryStream();
        ZipFile.CreateFromDirectory(directory, zip, CompressionLevel.SmallestSize, includeBaseDirectory: false);
        return zip.Length;
    }

    public static long ZipBytes(IEnumerable<string> files)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                archive.CreateEntryFromFile(file, Path.GetFileName(file), CompressionLevel.SmallestSize);
            }
        }

        return zip.Length;
    }
}
