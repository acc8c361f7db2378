using System.Globalization;
using System.Text;

namespace Products.Reliability.Hostile;

/// <summary>The hostile suite's outcome: every answer checked, plus whether the table stayed untouched.</summary>
public sealed record HostileReport(IReadOnlyList<HostileResult> Results, int ItemsBefore, int ItemsAfter, bool TableUnchanged)
{
    public int ServerErrors => Results.Count(r => r.Status >= 500);

    public IReadOnlyList<HostileResult> Failures => [.. Results.Where(r => r.Problems.Count > 0)];

    public bool Passed => Failures.Count == 0 && ServerErrors == 0 && TableUnchanged;

    public string Format()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"hostile: {Results.Count} requests, {Results.Count - Failures.Count} answered correctly, {Failures.Count} not, {ServerErrors} 5xx");
        foreach (var category in Results.GroupBy(r => r.Request.Category))
        {
            var statuses = string.Join(" ", category.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
            text.AppendLine(CultureInfo.InvariantCulture, $"  {category.Key,-34} {category.Count(),4}  {statuses}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  table: {ItemsBefore} items before, {ItemsAfter} after, {(TableUnchanged ? "unchanged" : "CHANGED")}");
        foreach (var failure in Failures)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  FAIL [{failure.Request.Category}] {failure.Request.Description}: {failure.Status}: {string.Join("; ", failure.Problems)}");
        }

        return text.ToString();
    }
}
