using Safeguard.BuildingBlocks.Reporting;
using Safeguard.Reintegration.Indicators;
using Safeguard.Reintegration.Reports;
using Safeguard.Reintegration.Schemes;

namespace Safeguard.Reintegration.UnitTests;

/// <summary>004 §10.3: the report to the ministry, with every count under the platform's small-count rule.</summary>
public sealed class ProgressReportTablesTests
{
    private static readonly Quarter Q1 = new(2026, 1);

    private static IndicatorReport Line(string code, int? counted, int? of) => new(code, code, code, counted is null ? Measure.Entered : Measure.Computed,
        40, 60, 80, 2026, 60, counted is { } n && of is { } d && d > 0 ? Math.Round(100m * n / d, 1) : null, counted, of, null, null, null, null);

    private static IReadOnlyList<ReportTable> Report(CaseCounts cases, params IndicatorReport[] lines) => ProgressReportTables.Build(new ProgressReportData(
        "DR", Q1.Period, Q1.End, cases, [new ObjectiveReport(1, "O", "O", lines)],
        [new QuarterSchemes(Q1, EvaluationStatus.Due, new SchemeFigures("2026-Q1", 12, 6,
            [new PackageUptake("rent-subsidy", 6, 7, 5, 2, 0, 0)], []), null, null)]));

    private static object? Cell(IReadOnlyList<ReportTable> tables, string table, string key, string column)
    {
        var t = tables.Single(x => x.Name == table);
        var row = t.Rows.Single(r => string.Join(" / ", r.Take(t.KeyColumns)) == key);
        return ReportTable.Written(row[t.Columns.ToList().IndexOf(column)]);
    }

    [Fact]
    public void Closures_hide_a_small_count_and_the_total_it_would_follow_from()
    {
        var tables = Report(new CaseCounts(12, 0, 0, 2));

        Assert.Equal(12, Cell(tables, "Cases", "opened (arrived in the period)", "count"));
        Assert.Equal(SmallCounts.Marker, Cell(tables, "Cases", "closed early (death, departure, transfer)", "count"));
        Assert.Equal(SmallCounts.Marker, Cell(tables, "Cases", "closed", "count"));
        Assert.Equal(0, Cell(tables, "Cases", "closed: sustainable reintegration", "count"));
    }

    [Fact]
    public void An_indicator_whose_unreached_cases_are_few_hides_its_count_and_percentage_but_shows_its_cohort()
    {
        var tables = Report(new CaseCounts(12, 0, 0, 0), Line("1.1", 6, 12), Line("M1.1", 10, 12), Line("9.1", null, null));

        Assert.Equal((6, 12, 50.0m), ((int)Cell(tables, "Indicators", "1.1", "counted")!, (int)Cell(tables, "Indicators", "1.1", "of")!,
            (decimal)Cell(tables, "Indicators", "1.1", "actual %")!));
        Assert.Equal(SmallCounts.Marker, Cell(tables, "Indicators", "M1.1", "counted"));
        Assert.Equal(SmallCounts.Marker, Cell(tables, "Indicators", "M1.1", "actual %"));
        Assert.Equal(12, Cell(tables, "Indicators", "M1.1", "of"));
        Assert.Equal(2026, Cell(tables, "Indicators", "9.1", "target year"));
    }

    [Fact]
    public void A_packages_referrals_are_protected_as_a_group_that_adds_up_to_those_sent()
    {
        var tables = Report(new CaseCounts(12, 0, 0, 0));

        // 7 sent = 5 done + 2 rejected (+ 0 + 0): the 2 is hidden, and the 5 with it, as 7 − 5 would give it back.
        Assert.Equal(7, Cell(tables, "Scheme uptake", "2026-Q1 / rent-subsidy", "referrals sent"));
        Assert.Equal(SmallCounts.Marker, Cell(tables, "Scheme uptake", "2026-Q1 / rent-subsidy", "rejected"));
        Assert.Equal(SmallCounts.Marker, Cell(tables, "Scheme uptake", "2026-Q1 / rent-subsidy", "done"));
        Assert.Equal(0, Cell(tables, "Scheme uptake", "2026-Q1 / rent-subsidy", "revoked"));
    }
}
