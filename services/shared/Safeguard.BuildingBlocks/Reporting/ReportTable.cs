namespace Safeguard.BuildingBlocks.Reporting;

/// <summary>
/// One table of a report that leaves an institution. A cell is text, a number, a <see cref="CountCell"/> or a
/// <see cref="PercentCell"/>; counts are protected by <see cref="SmallCounts"/> before the table is written.
/// </summary>
/// <param name="KeyColumns">How many leading columns say what a row is about (they become the CSV's key).</param>
public sealed record ReportTable(string Name, IReadOnlyList<string> Columns, int KeyColumns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>A cell as written: text, a number, or the suppression marker; null stays empty.</summary>
    public static object? Written(object? cell) => cell switch
    {
        CountCell { Suppressed: true } or PercentCell { Suppressed: true } => SmallCounts.Marker,
        CountCell count => count.Value,
        PercentCell percent => percent.Value,
        _ => cell,
    };
}
