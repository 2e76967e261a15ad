using Safeguard.BuildingBlocks.Reporting;

namespace Safeguard.SafetyPlan.Kpis;

/// <summary>One figure of the report: a count (of how many, as a percentage) or a median (of how many), in <see cref="Unit"/>.</summary>
/// <param name="Withheld">
/// The parts ("count", "of", "percent", "median") the small-count rule withheld because the report left the centre; a
/// part that is null and not named here does not apply (a count without a basis, a median of nothing).
/// </param>
public sealed record KpiLine(string Code, string Text, int? Count, int? Of, decimal? Percent, double? Median, string? Unit, IReadOnlyList<string> Withheld)
{
    /// <summary>Whether anything of the line was withheld.</summary>
    public bool Suppressed => Withheld.Count > 0;
}

/// <summary>A centre's protection-chain KPIs for a period (issue 26 §4); counts, percentages and medians only.</summary>
public sealed record KpiReport(string CentreCode, string Period, DateTimeOffset From, DateTimeOffset To, DateTimeOffset ComputedAt,
    bool SmallCountsSuppressed, IReadOnlyList<KpiLine> Lines)
{
    /// <param name="suppress">The reader is outside the centre (the ministry's analysts): counts of 1 to 4, and what gives them back, are withheld.</param>
    public static KpiReport Of(string centre, ReportPeriod period, DateTimeOffset now, ProtectionChainFigures figures, bool suppress)
    {
        var builder = new LineBuilder();
        var (inTime, decided) = builder.Share(figures.AssessedInTime);
        var assessed = builder.Cell(figures.FirstLevels.Total);
        var (adopted, highRisk) = builder.Share(figures.HighRiskWithAdoptedPlan);
        var firstLevels = builder.Parts(assessed, figures.FirstLevels.Standard, figures.FirstLevels.Medium, figures.FirstLevels.High);
        var latestLevels = builder.Parts(assessed, figures.LatestLevels.Standard, figures.LatestLevels.Medium, figures.LatestLevels.High);
        var reassessed = builder.Cell(figures.Moves.Total);
        var moves = builder.Parts(reassessed, figures.Moves.Raised, figures.Moves.Unchanged, figures.Moves.Lowered);
        var closed = builder.Cell(figures.ClosedByTeam);
        var (contactsMet, contacts) = builder.Share(figures.ContactsInTime);
        var (reportsMet, reports) = builder.Share(figures.ReportsInTime);
        if (suppress)
        {
            builder.Protect();
        }

        List<KpiLine> lines =
        [
            Ratio("assessed-within-12-hours", "Cases reported in the period assessed within 12 hours (Rulebook Art. 5), of those assessed or past their 12 hours", inTime, decided),
            MedianOf("hours-to-first-assessment", "Median time from the centre learning of the violence to the first risk assessment", figures.HoursToAssessment, "hours", assessed),
            Ratio("high-risk-with-adopted-plan", "Cases reported in the period found at high risk with an adopted safety plan (Art. 17-21), of those at high risk", adopted, highRisk),
            MedianOf("hours-to-plan-adoption", "Median time from the first high-risk assessment to the plan's adoption", figures.HoursToAdoption, "hours", adopted),
            Ratio("first-level-standard", "Cases whose first assessment found standard risk, of the cases assessed", firstLevels[0], assessed),
            Ratio("first-level-medium", "Cases whose first assessment found medium risk, of the cases assessed", firstLevels[1], assessed),
            Ratio("first-level-high", "Cases whose first assessment found high risk, of the cases assessed", firstLevels[2], assessed),
            Ratio("latest-level-standard", "Cases whose latest assessment found standard risk, of the cases assessed", latestLevels[0], assessed),
            Ratio("latest-level-medium", "Cases whose latest assessment found medium risk, of the cases assessed", latestLevels[1], assessed),
            Ratio("latest-level-high", "Cases whose latest assessment found high risk, of the cases assessed", latestLevels[2], assessed),
            Ratio("level-raised", "Cases assessed more than once whose latest level is higher than the first", moves[0], reassessed),
            Ratio("level-unchanged", "Cases assessed more than once whose latest level is the first", moves[1], reassessed),
            Ratio("level-lowered", "Cases assessed more than once whose latest level is lower than the first", moves[2], reassessed),
            Ratio("plans-closed-by-team", "Safety plans closed in the period on the team's decision that the risk has ceased (Art. 21)", closed, null),
            MedianOf("days-open-of-plans-closed-by-team", "Median days from convening to closing of those plans", figures.DaysOpen, "days", closed),
            Ratio("contacts-within-48-hours", "48-hour contact deadlines decided in the period met by a contact (Art. 21), of those decided", contactsMet, contacts),
            Ratio("daily-reports-in-time", "Daily-report deadlines decided in the period met by a report (Art. 21, working days), of those decided", reportsMet, reports),
        ];
        return new KpiReport(centre, period.Label, period.From, period.To, now, suppress, lines);
    }

    /// <summary>The report as one table, for CSV and XLSX: withheld cells say "suppressed".</summary>
    public ReportTable Table() => new("Protection chain KPIs",
        ["centre", "period", "kpi", "description", "count", "of", "percent", "median", "unit"], 3,
        [.. Lines.Select(l => (IReadOnlyList<object?>)[CentreCode, Period, l.Code, l.Text,
            Shown(l, "count", l.Count), Shown(l, "of", l.Of), Shown(l, "percent", l.Percent), Shown(l, "median", l.Median), l.Unit])]);

    private static object? Shown<T>(KpiLine line, string part, T? value) where T : struct =>
        value is { } v ? v : line.Withheld.Contains(part) ? SmallCounts.Marker : null;

    private static KpiLine Ratio(string code, string text, CountCell count, CountCell? of)
    {
        List<string> withheld = [];
        if (count.Suppressed) withheld.Add("count");
        if (of?.Suppressed == true) withheld.Add("of");
        if (of is not null && withheld.Count > 0) withheld.Add("percent");
        var percent = of is null ? null : new PercentCell(count, of).Value;
        return new(code, text, count.Suppressed ? null : count.Value, of is null || of.Suppressed ? null : of.Value, percent, null, null, withheld);
    }

    /// <summary>A median is withheld with the count it is the median of: of one to four people it would describe them.</summary>
    private static KpiLine MedianOf(string code, string text, double? median, string unit, CountCell basis) =>
        new(code, text, null, basis.Suppressed ? null : basis.Value, null, basis.Suppressed ? null : median, unit, basis.Suppressed ? ["of", "median"] : []);

    /// <summary>The report's counts and the groups they add up in, protected together by the platform's one small-count rule.</summary>
    private sealed class LineBuilder
    {
        private readonly List<CountCell> _cells = [];
        private readonly List<CountGroup> _groups = [];

        public CountCell Cell(int value)
        {
            var cell = new CountCell(value);
            _cells.Add(cell);
            return cell;
        }

        /// <summary>A share's two counts, and the rest (printed nowhere, but their difference) in a group with them.</summary>
        public (CountCell Count, CountCell Of) Share(Share share)
        {
            var (count, of, rest) = (Cell(share.Count), Cell(share.Of), Cell(share.Of - share.Count));
            _groups.Add(new CountGroup(of, [count, rest]));
            return (count, of);
        }

        public CountCell[] Parts(CountCell total, params int[] parts)
        {
            var cells = parts.Select(Cell).ToArray();
            _groups.Add(new CountGroup(total, cells));
            return cells;
        }

        public void Protect() => SmallCounts.Protect(_cells, _groups);
    }
}
