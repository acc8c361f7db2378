using System.Text.RegularExpressions;

namespace Products.Package;

// Finds the build targets the way they are laid out for SAM: one Makefile per resource folder under layers/ and
// functions/, each with a build-<LogicalId> target named after the template resource.
public static partial class BuildTargets
{
    // Layers first, so the function builds reuse the store the layer build composed.
    public static IReadOnlyList<BuildTarget> Discover(string repositoryRoot)
    {
        var targets = new List<BuildTarget>();
        AddFrom(Path.Combine(repositoryRoot, "layers"), BuildTargetKind.Layer, targets);
        AddFrom(Path.Combine(repositoryRoot, "functions"), BuildTargetKind.Function, targets);
        return targets;
    }

    private static void AddFrom(string folder, BuildTargetKind kind, List<BuildTarget> targets)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var resourceFolder in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var makefile = Path.Combine(resourceFolder, "Makefile");
            if (!File.Exists(makefile))
            {
                continue;
            }

            foreach (var line in File.ReadLines(makefile))
            {
                var match = TargetLine().Match(line);
                if (match.Success)
                {
                    targets.Add(new BuildTarget(match.Groups["id"].Value, makefile, kind));
                }
            }
        }
    }

    [GeneratedRegex("^build-(?<id>[A-Za-z0-9]+):")]
    private static partial Regex TargetLine();
}
