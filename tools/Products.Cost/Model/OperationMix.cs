using System.Globalization;

namespace Products.Cost.Model;

/// <summary>Share of the month's requests each operation gets, parsed from <c>list=20,create=40,get=40</c> (weights, normalised).</summary>
public sealed record OperationMix(IReadOnlyDictionary<Operation, double> Shares)
{
    /// <summary>AWS's demo load profile as the reliability suite plays it: 80 % of users create then read back, 20 % list.</summary>
    public static OperationMix Default { get; } = Parse("list=20,create=40,get=40");

    public double ShareOf(Operation operation) => Shares.GetValueOrDefault(operation);

    /// <exception cref="FormatException">The text names an unknown operation, repeats one, or has a weight that is not a number ≥ 0.</exception>
    public static OperationMix Parse(string text)
    {
        var weights = new Dictionary<Operation, double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('=', StringSplitOptions.TrimEntries);
            var operation = OperationNames.All.Where(o => pieces.Length == 2 && o.MixName() == pieces[0]).Cast<Operation?>().FirstOrDefault();
            if (operation is null)
            {
                throw new FormatException($"--mix: '{part}' is not name=weight with a name among list, create, get.");
            }

            if (!double.TryParse(pieces[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || !double.IsFinite(weight) || weight < 0)
            {
                throw new FormatException($"--mix: the weight of {pieces[0]} must be a number of 0 or more, got '{pieces[1]}'.");
            }

            if (!weights.TryAdd(operation.Value, weight))
            {
                throw new FormatException($"--mix: {pieces[0]} is given twice.");
            }
        }

        var total = weights.Values.Sum();
        if (total <= 0)
        {
            throw new FormatException("--mix: the weights must add up to more than 0.");
        }

        return new OperationMix(OperationNames.All.ToDictionary(o => o, o => weights.GetValueOrDefault(o) / total));
    }

    public override string ToString() =>
        string.Join(',', OperationNames.All.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.MixName()}={ShareOf(o) * 100:0.##}")));
}
