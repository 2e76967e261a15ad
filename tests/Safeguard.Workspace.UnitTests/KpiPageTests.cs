using System.Text.Json;
using Safeguard.Workspace.Api;
using Safeguard.Workspace.Components;

namespace Safeguard.Workspace.UnitTests;

/// <summary>Issue 26 §4 in the workspace: the period she picks, and how each KPI's parts show, withheld or not.</summary>
public sealed class KpiPageTests
{
    [Theory]
    [InlineData("", "2026")]
    [InlineData("Q3", "2026-Q3")]
    [InlineData("03", "2026-03")]
    public void A_picked_period_is_written_as_the_api_reads_it(string part, string label) =>
        Assert.Equal(label, new KpiPeriod(2026, part).Label);

    [Fact]
    public void The_period_offered_first_is_the_quarter_running_in_the_country_and_the_years_count_back_from_its_year()
    {
        // Half past midnight on New Year's Day in Skopje (UTC+1) is still the old year in UTC.
        Assert.Equal(new KpiPeriod(2027, "Q1"), KpiPeriod.CurrentQuarter(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new KpiPeriod(2026, "Q3"), KpiPeriod.CurrentQuarter(new DateTimeOffset(2026, 6, 30, 22, 30, 0, TimeSpan.Zero))); // CEST, UTC+2
        Assert.Equal(new KpiPeriod(2026, "Q2"), KpiPeriod.CurrentQuarter(new DateTimeOffset(2026, 6, 30, 21, 30, 0, TimeSpan.Zero)));
        Assert.Equal([2027, 2026, 2025, 2024, 2023], KpiPeriod.Years(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal(17, KpiPeriod.Parts.Count);
        Assert.Equal("12", KpiPeriod.Parts[^1]);
    }

    [Fact]
    public void A_share_shows_its_count_basis_and_percentage_and_a_median_its_value()
    {
        var share = new KpiLine("assessed-within-12-hours", "…", 5, 6, 83.3m, null, null, []);
        Assert.Equal(("5", "83.3 %"), (share.Figure, share.Share));
        Assert.False(share.FigureWithheld || share.BasisWithheld || share.ShareWithheld);

        var median = new KpiLine("hours-to-first-assessment", "…", null, 6, null, 1.25, "hours", []);
        Assert.True(median.IsMedian);
        Assert.Equal("1.3", median.Figure);
        Assert.Null(median.Share);

        var nothingToCount = new KpiLine("hours-to-plan-adoption", "…", null, 0, null, null, "hours", []);
        Assert.Null(nothingToCount.Figure);
        Assert.False(nothingToCount.FigureWithheld);
    }

    [Fact]
    public void Only_the_parts_the_service_withheld_show_as_withheld()
    {
        // A small count without a basis of its own: the count is withheld, and no basis is claimed to be.
        var closed = new KpiLine("plans-closed-by-team", "…", null, null, null, null, null, ["count"]);
        Assert.True(closed.FigureWithheld);
        Assert.False(closed.BasisWithheld);
        Assert.False(closed.ShareWithheld);

        var medianOfFew = new KpiLine("days-open-of-plans-closed-by-team", "…", null, null, null, null, "days", ["of", "median"]);
        Assert.True(medianOfFew.FigureWithheld);
        Assert.True(medianOfFew.BasisWithheld);

        var shareOfHidden = new KpiLine("high-risk-with-adopted-plan", "…", null, 6, null, null, null, ["count", "percent"]);
        Assert.True(shareOfHidden.FigureWithheld);
        Assert.False(shareOfHidden.BasisWithheld);
        Assert.True(shareOfHidden.ShareWithheld);
    }

    [Fact]
    public void The_report_reads_from_the_services_json()
    {
        const string json = """
            {"centreCode":"SK","period":"2026-Q1","from":"2026-01-01T00:00:00+00:00","to":"2026-04-01T00:00:00+00:00",
             "computedAt":"2026-04-02T08:00:00+00:00","smallCountsSuppressed":true,
             "lines":[{"code":"assessed-within-12-hours","text":"…","count":null,"of":12,"percent":null,"median":null,"unit":null,
                       "withheld":["count","percent"],"suppressed":true}]}
            """;
        var report = JsonSerializer.Deserialize<KpiReport>(json, GatewayApi.Json)!;
        Assert.True(report.SmallCountsSuppressed);
        var line = Assert.Single(report.Lines);
        Assert.Equal(12, line.Of);
        Assert.True(line.FigureWithheld);
        Assert.True(line.ShareWithheld);
    }
}
