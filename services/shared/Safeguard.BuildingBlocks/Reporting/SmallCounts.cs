namespace Safeguard.BuildingBlocks.Reporting;

/// <summary>
/// The one rule for small counts in anything that leaves an institution (issue 21; seed 003 Art. 3: no person may be
/// recognised from a report). Counts from 1 to 4 are suppressed (primary suppression); a zero is shown, as it is of
/// no one. Then, in every group of cells that add up, a single hidden cell could be worked out from the total and the
/// others, and hidden cells that together make a small count would say as much of each; so more is hidden — the
/// smallest shown part above zero, or else the total (complementary suppression). Groups that share a cell are
/// revisited until none gives anything back.
/// </summary>
public static class SmallCounts
{
    public const int Threshold = 5;

    /// <summary>What a suppressed cell shows, in CSV and in spreadsheets.</summary>
    public const string Marker = "suppressed";

    public static bool IsSmall(int count) => count is > 0 and < Threshold;

    /// <summary>Whether the group gives a hidden cell back: a lone hidden cell, or hidden parts that the total says make a small count.</summary>
    private static bool Exposed(CountGroup group)
    {
        var hiddenParts = group.Parts.Where(p => p.Suppressed).ToList();
        if (group.Total.Suppressed)
        {
            return hiddenParts.Count == 0;
        }
        return hiddenParts.Count == 1 || (hiddenParts.Count > 1 && IsSmall(hiddenParts.Sum(p => p.Value)));
    }

    private static CountCell? NextToHide(CountGroup group) =>
        group.Parts.Where(p => !p.Suppressed && p.Value > 0).OrderBy(p => p.Value).FirstOrDefault()
        ?? (group.Total.Suppressed ? group.Parts.Where(p => !p.Suppressed).OrderBy(p => p.Value).FirstOrDefault() : group.Total);

    public static void Protect(IEnumerable<CountCell> cells, IEnumerable<CountGroup> groups)
    {
        var groupList = groups.ToList();
        var all = cells.Concat(groupList.SelectMany(g => g.Parts.Append(g.Total))).Distinct().ToList();
        foreach (var cell in all.Where(c => IsSmall(c.Value)))
        {
            cell.Suppress();
        }
        bool changed;
        do
        {
            changed = false;
            foreach (var group in groupList)
            {
                if (Exposed(group) && NextToHide(group) is { } next)
                {
                    next.Suppress();
                    changed = true;
                }
            }
        }
        while (changed);
    }
}
