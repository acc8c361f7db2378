namespace Products.Cost.Pricing;

/// <summary>One price band: <see cref="Price"/> per unit size until the month's cumulative quantity reaches <see cref="UpTo"/>.</summary>
public sealed record RateTier(decimal? UpTo, decimal Price);

/// <summary>
/// A price with volume tiers, as AWS publishes them ("first 300 million requests $1.00 per million, over 300 million
/// $0.90"): each tier prices the part of the month's quantity that falls inside it.
/// </summary>
public sealed record TieredRate(string Unit, decimal UnitSize, IReadOnlyList<RateTier> Tiers)
{
    /// <summary>
    /// The charge for <paramref name="quantity"/> units in one month, the first <paramref name="free"/> of which are
    /// free (a free allowance covers the first units of the month, so it comes off the first tier).
    /// </summary>
    public decimal Charge(decimal quantity, decimal free = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        ArgumentOutOfRangeException.ThrowIfNegative(free);
        var charge = 0m;
        var tierStart = 0m;
        foreach (var tier in Tiers)
        {
            var tierEnd = tier.UpTo ?? decimal.MaxValue;
            var billedFrom = Math.Max(tierStart, free);
            var billedTo = Math.Min(tierEnd, quantity);
            if (billedTo > billedFrom)
            {
                charge += (billedTo - billedFrom) / UnitSize * tier.Price;
            }

            if (tier.UpTo is null || quantity <= tierEnd)
            {
                break;
            }

            tierStart = tierEnd;
        }

        return charge;
    }

    /// <summary>The first tier's price per unit size: what the next unit costs in a small month.</summary>
    public decimal FirstPrice => Tiers[0].Price;

    /// <summary>Checks the tiers ascend and only the last is open-ended.</summary>
    public void Validate(string name)
    {
        if (UnitSize <= 0 || Tiers.Count == 0)
        {
            throw new InvalidDataException($"{name}: needs a positive unitSize and at least one tier.");
        }

        for (var i = 0; i < Tiers.Count; i++)
        {
            var last = i == Tiers.Count - 1;
            if (Tiers[i].Price < 0 || (Tiers[i].UpTo is null) != last || (i > 0 && Tiers[i].UpTo <= Tiers[i - 1].UpTo))
            {
                throw new InvalidDataException($"{name}: tiers must ascend, prices be 0 or more, and only the last tier be open (upTo null).");
            }
        }
    }
}
