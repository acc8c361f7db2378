using System.Globalization;
using System.Text;

namespace Products.Reliability.Load;

/// <summary>Acknowledged writes against the table: 201s, items added, 201s readable with the same content, problems.</summary>
public sealed record WriteVerificationResult(int Acknowledged, int ItemsAdded, int Readable, IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0 && ItemsAdded == Acknowledged && Readable == Acknowledged;

    public string Format()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"verify: {Acknowledged} acknowledged (201), {ItemsAdded} items added to the table, {Readable} readable with the same content, {Problems.Count} problems");
        foreach (var problem in Problems.Take(20))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {problem}");
        }

        return text.ToString();
    }
}
