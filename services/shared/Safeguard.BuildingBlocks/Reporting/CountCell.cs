namespace Safeguard.BuildingBlocks.Reporting;

/// <summary>A count in a report that leaves its institution; <see cref="SmallCounts"/> decides whether it may be shown.</summary>
public sealed class CountCell(int value)
{
    public int Value { get; } = value;

    public bool Suppressed { get; private set; }

    internal void Suppress() => Suppressed = true;

    public override string ToString() => Suppressed ? SmallCounts.Marker : Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A percentage of two counts: hidden when either is, since with the other it would give the hidden one back.</summary>
public sealed class PercentCell(CountCell numerator, CountCell denominator)
{
    public CountCell Numerator { get; } = numerator;

    public CountCell Denominator { get; } = denominator;

    public bool Suppressed => Numerator.Suppressed || Denominator.Suppressed;

    public decimal? Value => Suppressed || Denominator.Value == 0 ? null : Math.Round(100m * Numerator.Value / Denominator.Value, 1);
}

/// <summary>
/// Cells that add up: <see cref="Total"/> = the sum of <see cref="Parts"/>. A part may be a count the report never
/// prints but a reader can work out (the cases not helped = all cases − those helped): it is protected all the same.
/// </summary>
public sealed record CountGroup(CountCell Total, IReadOnlyList<CountCell> Parts);
