namespace Folio.Domain.Money;

/// <summary>Splits an amount by weights so that the parts always add up to the amount, to the minor unit.</summary>
public static class Allocation
{
    /// <summary>
    /// Largest-remainder allocation: each part gets the floor of its exact share, and the units left over go to the
    /// parts with the largest remainders (earlier parts first on ties). All-zero weights split the amount evenly.
    /// </summary>
    public static long[] Split(long amount, IReadOnlyList<long> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0)
        {
            throw new ArgumentException("At least one weight is needed to split an amount.", nameof(weights));
        }

        if (weights.Any(w => w < 0))
        {
            throw new ArgumentException("Weights cannot be negative.", nameof(weights));
        }

        if (amount < 0)
        {
            return [.. Split(checked(-amount), weights).Select(part => -part)];
        }

        var effective = weights.All(w => w == 0) ? [.. weights.Select(_ => 1L)] : weights;
        Int128 totalWeight = 0;
        foreach (var weight in effective)
        {
            totalWeight += weight;
        }

        var parts = new long[effective.Count];
        var remainders = new Int128[effective.Count];
        long assigned = 0;
        for (var i = 0; i < effective.Count; i++)
        {
            var exact = (Int128)amount * effective[i];
            parts[i] = (long)(exact / totalWeight);
            remainders[i] = exact % totalWeight;
            assigned += parts[i];
        }

        var leftover = amount - assigned;
        foreach (var index in Enumerable.Range(0, parts.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i))
        {
            if (leftover == 0)
            {
                break;
            }

            parts[index]++;
            leftover--;
        }

        return parts;
    }
}
