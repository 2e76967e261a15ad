using System.Globalization;
using System.Text.RegularExpressions;
using Safeguard.BuildingBlocks.Reporting;

namespace Safeguard.Reintegration.Schemes;

public enum EvaluationStatus
{
    /// <summary>The quarter has not ended: its schemes cannot be evaluated yet.</summary>
    InProgress,
    Due,
    Overdue,
    Evaluated,
}

/// <summary>A calendar quarter in UTC, written "2026-Q1": the period of a scheme evaluation (004 §1.4) and of a report (004 §10.3).</summary>
public readonly partial record struct Quarter(int Year, int Number)
{
    /// <summary>
    /// 004 §1.4 asks for the evaluation every quarter and sets no day; the platform expects it by the end of the month
    /// after the quarter, when its referrals have had time to be answered (the municipality to confirm).
    /// </summary>
    public const int MonthsToEvaluate = 1;

    public DateTimeOffset Start => new(Year, (Number - 1) * 3 + 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first moment after the quarter.</summary>
    public DateTimeOffset End => Start.AddMonths(3);

    public DateTimeOffset EvaluationDueBy => End.AddMonths(MonthsToEvaluate);

    public bool Contains(DateTimeOffset at) => at >= Start && at < End;

    public EvaluationStatus Status(bool evaluated, DateTimeOffset now) =>
        evaluated ? EvaluationStatus.Evaluated : now < End ? EvaluationStatus.InProgress : now < EvaluationDueBy ? EvaluationStatus.Due : EvaluationStatus.Overdue;

    public static IReadOnlyList<Quarter> Of(int year) => [.. Enumerable.Range(1, 4).Select(n => new Quarter(year, n))];

    public static bool TryParse(string? text, out Quarter quarter)
    {
        var match = text is null ? null : Pattern().Match(text);
        quarter = match is { Success: true }
            ? new Quarter(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value[0] - '0')
            : default;
        return match is { Success: true } && quarter.Year is >= 2000 and <= 2100;
    }

    public override string ToString() => $"{Year}-Q{Number}";

    /// <summary>The quarter as a report's period.</summary>
    public ReportPeriod Period => ReportPeriod.OfQuarter(Year, Number);

    /// <summary>The quarters a report's period spans, for their scheme evaluations.</summary>
    public static IReadOnlyList<Quarter> In(ReportPeriod period) => [.. Of(period.Year).Where(q => q.Start >= period.From && q.End <= period.To)];

    [GeneratedRegex("^([0-9]{4})-Q([1-4])$")]
    private static partial Regex Pattern();
}
