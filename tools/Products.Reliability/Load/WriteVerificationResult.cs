using System.Globalization;
using System.Text;

namespace Products.Reliability.Load;

/// <summary>
/// Acknowledged writes against the table: keys acknowledged with a 201 (one product each), items added, 201s readable
/// with the same content, keys given up whose create was stored all the same, problems.
/// </summary>
public sealed record WriteVerificationResult(
    int Acknowledged, int ItemsAdded, int Readable, int GivenUpWithProduct, IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0 && ItemsAdded == Acknowledged + GivenUpWithProduct && Readable == Acknowledged;

    public string Format()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"verify: {Acknowledged} keys acknowledged (201) with exactly one product each, {ItemsAdded} items added to the table ({GivenUpWithProduct} by keys given up), {Readable} readable with the same content, {Problems.Count} problems");
        foreach (var problem in Problems.Take(20))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {problem}");
        }

        return text.ToString();
    }
}
