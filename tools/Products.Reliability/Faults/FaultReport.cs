using System.Globalization;
using System.Text;

namespace Products.Reliability.Faults;

public sealed record FaultReport(IReadOnlyList<FaultOutcome> Outcomes)
{
    public bool Passed => Outcomes.All(o => o.Passed);

    public string Format()
    {
        var text = new StringBuilder();
        foreach (var outcome in Outcomes)
        {
            var recovery = outcome.Recovery is { } r ? string.Create(CultureInfo.InvariantCulture, $", recovered {r.TotalMilliseconds:0} ms after the fault ended") : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"fault: {outcome.Fault}: {(outcome.Passed ? "held" : "FAILED")}{recovery}");
            foreach (var observation in outcome.Observations)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {observation}");
            }
        }

        return text.ToString();
    }
}
