using System.Text.RegularExpressions;
using Products.Testing;
using Products.Testing.OpenApi;

namespace Products.Contract.Tests;

/// <summary>The README's API table and openapi.yaml name the same routes and the same per-route answers.</summary>
public sealed partial class ReadmeApiTableTests
{
    private static readonly IReadOnlyList<ReadmeRow> Rows = ReadTable();

    [Fact]
    public void Routes_AreTheDocumentsOperations_BothWays()
    {
        Assert.Equal(
            OpenApiContract.Repository.Operations.Select(o => $"{o.Method} {o.Path}").Order(StringComparer.Ordinal),
            Rows.Select(r => r.Route).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryStatusTheTableNames_IsDeclaredForThatOperation()
    {
        foreach (var row in Rows)
        {
            var operation = Operation(row);
            Assert.All(row.Statuses, status => Assert.True(
                operation.Statuses.Contains(status), $"README names {status} for {row.Route}; openapi.yaml does not declare it"));
        }
    }

    [Fact]
    public void EveryRouteSpecificStatusTheDocumentDeclares_IsNamedInTheTable()
    {
        // 429, 500, 502 and 503 can answer any route; the README lists them once, below the table.
        int[] anyRoute = [429, 500, 502, 503];
        foreach (var row in Rows)
        {
            foreach (var status in Operation(row).Statuses.Except(anyRoute))
            {
                Assert.True(row.Statuses.Contains(status), $"openapi.yaml declares {status} for {row.Route}; the README's table does not name it");
            }
        }

        Assert.Contains("429", ReadmeText(), StringComparison.Ordinal);
        Assert.All(anyRoute, status => Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), ReadmeText(), StringComparison.Ordinal));
    }

    private static OpenApiOperation Operation(ReadmeRow row) =>
        OpenApiContract.Repository.Operations.Single(o => $"{o.Method} {o.Path}" == row.Route);

    private static string ReadmeText() => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));

    // The rows of the table under "## API": | `METHOD /path?query` … | success | errors |.
    private static List<ReadmeRow> ReadTable()
    {
        var lines = ReadmeText().Split('\n');
        var section = lines.SkipWhile(l => !l.StartsWith("## API", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal));
        var rows = new List<ReadmeRow>();
        foreach (var line in section.Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            var route = RouteCell().Match(cells[1]);
            Assert.True(route.Success, $"README API row without a `METHOD /path` route: {line}");
            var statuses = Status().Matches(string.Join(" ", cells.Skip(2))).Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
            rows.Add(new ReadmeRow($"{route.Groups["method"].Value} {route.Groups["path"].Value}", statuses));
        }

        Assert.NotEmpty(rows);
        return rows;
    }

    [GeneratedRegex(@"^`(?<method>[A-Z]+) (?<path>/[^`?\s]*)")]
    private static partial Regex RouteCell();

    // A status: 2xx, 4xx or 5xx standing alone (not "32 KiB", not the "100" of a page size).
    [GeneratedRegex(@"(?<![\w.])[245][0-9]{2}(?![\w.])")]
    private static partial Regex Status();

    private sealed record ReadmeRow(string Route, IReadOnlyList<int> Statuses);
}
