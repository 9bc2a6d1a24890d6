using System.Numerics;
using Folio.Domain.Money;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Folio.Domain.Tests.Money;

public sealed class AllocationTests
{
    [Fact]
    public void Leftover_units_go_to_the_earliest_parts_on_ties()
    {
        Assert.Equal([34, 33, 33], Allocation.Split(100, [1, 1, 1]));
    }

    [Fact]
    public void Leftover_units_go_to_the_largest_remainders()
    {
        // Exact shares 1.25 and 3.75: the unit left over goes to the second part.
        Assert.Equal([1, 4], Allocation.Split(5, [1, 3]));
        // Exact shares 33.33, 16.67 and 50: 33 + 16 + 50 = 99, and the unit left over goes to 16.67.
        Assert.Equal([33, 17, 50], Allocation.Split(100, [2, 1, 3]));
    }

    [Fact]
    public void Proportional_weights_split_exactly()
    {
        Assert.Equal([100, 300, 600], Allocation.Split(1000, [1000, 3000, 6000]));
    }

    [Fact]
    public void Negative_amounts_mirror_positive_ones()
    {
        Assert.Equal([-34, -33, -33], Allocation.Split(-100, [1, 1, 1]));
        Assert.Equal([-1, -4], Allocation.Split(-5, [1, 3]));
    }

    [Fact]
    public void All_zero_weights_split_evenly()
    {
        Assert.Equal([3, 3, 2, 2], Allocation.Split(10, [0, 0, 0, 0]));
        Assert.Equal([-3, -3, -2, -2], Allocation.Split(-10, [0, 0, 0, 0]));
    }

    [Fact]
    public void A_zero_weight_gets_nothing_when_another_weight_is_positive()
    {
        Assert.Equal([0, 101, 0], Allocation.Split(101, [0, 7, 0]));
    }

    [Fact]
    public void Zero_splits_into_zeros()
    {
        Assert.Equal([0, 0], Allocation.Split(0, [1, 2]));
    }

    [Fact]
    public void Extreme_amounts_and_weights_do_not_overflow()
    {
        var parts = Allocation.Split(long.MaxValue, [long.MaxValue, long.MaxValue]);

        Assert.Equal([4_611_686_018_427_387_904, 4_611_686_018_427_387_903], parts);
    }

    [Fact]
    public void A_negative_weight_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => Allocation.Split(100, [1, -1, 2]));
    }

    [Fact]
    public void Empty_weights_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Allocation.Split(100, []));
        Assert.Throws<ArgumentNullException>(() => Allocation.Split(100, null!));
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(AllocationArbitraries)])]
    public void Parts_always_sum_exactly_to_the_amount(AllocationCase split)
    {
        var parts = Allocation.Split(split.Amount, split.Weights);

        Assert.Equal(split.Weights.Length, parts.Length);
        Assert.Equal(split.Amount, parts.Sum());
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(AllocationArbitraries)])]
    public void Each_part_is_within_one_minor_unit_of_its_exact_share(AllocationCase split)
    {
        var parts = Allocation.Split(split.Amount, split.Weights);

        var weights = split.Weights.All(w => w == 0) ? [.. split.Weights.Select(_ => 1L)] : split.Weights;
        var total = weights.Aggregate(BigInteger.Zero, (sum, w) => sum + w);
        for (var i = 0; i < parts.Length; i++)
        {
            // |part − amount × weight ÷ total| < 1, kept in integers: |part × total − amount × weight| < total.
            var distance = BigInteger.Abs((parts[i] * total) - ((BigInteger)split.Amount * weights[i]));
            Assert.True(distance < total, $"Part {i} is {parts[i]}, more than one unit from {split.Amount} × {weights[i]} / {total}.");
        }
    }
}

public sealed record AllocationCase(long Amount, long[] Weights)
{
    public override string ToString() => $"Split({Amount}, [{string.Join(", ", Weights)}])";
}

public static class AllocationArbitraries
{
    private const long MaxAmount = 1_000_000_000_000_000;

    public static Arbitrary<AllocationCase> AllocationCase()
    {
        var amount = Gen.Frequency(
            (4, FsCheck.FSharp.Gen.Choose64(-MaxAmount, MaxAmount)),
            (2, Gen.Choose(-10_000, 10_000).Select(a => (long)a)),
            (1, Gen.Elements(0L, 1L, -1L, MaxAmount, -MaxAmount)));
        var weight = Gen.Frequency(
            (4, Gen.Choose(0, 1_000_000_000).Select(w => (long)w)),
            (2, Gen.Choose(0, 10).Select(w => (long)w)),
            (1, Gen.Elements(0L, 1_000_000_000L)));
        var weights = Gen.Frequency(
            (6, Gen.Choose(1, 50).SelectMany(count => Gen.ArrayOf(weight, count))),
            (1, Gen.Choose(1, 50).Select(count => new long[count])));
        return Arb.From(amount.SelectMany(a => weights.Select(w => new AllocationCase(a, w))));
    }
}
