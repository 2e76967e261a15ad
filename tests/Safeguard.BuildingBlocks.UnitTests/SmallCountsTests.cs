using Safeguard.BuildingBlocks.Reporting;

namespace Safeguard.BuildingBlocks.UnitTests;

/// <summary>The one rule for small counts in anything that leaves an institution.</summary>
public sealed class SmallCountsTests
{
    private static CountCell[] Cells(params int[] values) => [.. values.Select(v => new CountCell(v))];

    [Fact]
    public void Counts_from_one_to_four_are_suppressed_and_zero_and_five_are_shown()
    {
        var cells = Cells(0, 1, 4, 5, 12);

        SmallCounts.Protect(cells, []);

        Assert.Equal([false, true, true, false, false], cells.Select(c => c.Suppressed));
        Assert.Equal("suppressed", cells[1].ToString());
        Assert.Equal("12", cells[4].ToString());
    }

    [Fact]
    public void A_lone_hidden_part_takes_the_smallest_shown_part_with_it_so_the_total_gives_nothing_back()
    {
        var parts = Cells(3, 20, 9);
        var total = new CountCell(32);

        SmallCounts.Protect([], [new CountGroup(total, parts)]);

        Assert.Equal([true, false, true], parts.Select(p => p.Suppressed));
        Assert.False(total.Suppressed);
    }

    [Fact]
    public void A_hidden_part_with_no_other_part_to_hide_hides_the_total()
    {
        var part = new CountCell(2);
        var total = new CountCell(2);
        var single = new CountCell(7);

        SmallCounts.Protect([single], [new CountGroup(total, [part])]);

        Assert.True(part.Suppressed);
        Assert.True(total.Suppressed);
        Assert.False(single.Suppressed);
    }

    [Fact]
    public void Two_hidden_parts_protect_each_other_and_nothing_more_is_hidden()
    {
        var parts = Cells(2, 3, 40);
        var total = new CountCell(45);

        SmallCounts.Protect([], [new CountGroup(total, parts)]);

        Assert.Equal([true, true, false], parts.Select(p => p.Suppressed));
        Assert.False(total.Suppressed);
    }

    [Fact]
    public void Hidden_parts_that_the_total_says_make_a_small_count_take_a_shown_part_with_them()
    {
        // 32 − 30 would say the two hidden cells hold 2 between them: as good as showing them.
        var parts = Cells(1, 1, 30, 0);
        var total = new CountCell(32);

        SmallCounts.Protect([], [new CountGroup(total, parts)]);

        Assert.Equal([true, true, true, false], parts.Select(p => p.Suppressed));
    }

    [Fact]
    public void When_only_zeros_are_left_to_hide_the_total_is_hidden_instead()
    {
        var parts = Cells(0, 0, 2);
        var total = new CountCell(2);

        SmallCounts.Protect([], [new CountGroup(total, parts)]);

        Assert.Equal([false, false, true], parts.Select(p => p.Suppressed));
        Assert.True(total.Suppressed);
    }

    [Fact]
    public void Groups_sharing_a_cell_are_revisited_until_none_has_a_single_hidden_cell()
    {
        // Closures: 12 = 10 sustainable + 2 early; the sustainable 10 is also a part of another group: 10 + 6 = 16.
        var (sustainable, early, closed) = (new CountCell(10), new CountCell(2), new CountCell(12));
        var (other, all) = (new CountCell(6), new CountCell(16));

        SmallCounts.Protect([], [new CountGroup(closed, [sustainable, early]), new CountGroup(all, [sustainable, other])]);

        Assert.True(early.Suppressed);
        Assert.True(sustainable.Suppressed); // complementary in the first group
        Assert.True(other.Suppressed);       // and then in the second, where 16 − 6 would give it back
        Assert.False(closed.Suppressed || all.Suppressed);
    }

    [Fact]
    public void A_percentage_is_hidden_with_either_of_its_counts()
    {
        var (met, of) = (new CountCell(10), new CountCell(12));
        var notMet = new CountCell(2);

        SmallCounts.Protect([met, of], [new CountGroup(of, [met, notMet])]);

        Assert.True(new PercentCell(met, of).Suppressed);
        Assert.Null(new PercentCell(met, of).Value);
        Assert.Equal(50m, new PercentCell(new CountCell(6), new CountCell(12)).Value);
    }
}
