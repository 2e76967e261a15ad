using System.Net;
using System.Net.Http.Json;
using System.Text;
using MiniExcelLibs;

namespace Safeguard.Reintegration.Tests;

/// <summary>
/// A municipality's progress report to the ministry (004 §10.3) for 2026 Q1, downloaded through the gateway as CSV
/// and XLSX: its figures are the records', and small counts are suppressed with their complements.
/// </summary>
public sealed class ProgressReportTests(PlatformFixture platform)
{
    private const string Service = ReintegrationApi.Prefix;
    private static readonly DateTimeOffset February = new(2026, 2, 10, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_2026_Q1_report_downloads_as_csv_and_xlsx_with_the_records_figures_and_small_counts_suppressed()
    {
        var municipality = Names.CentreCode();
        var officer = platform.As(Personas.ReintegrationOfficer(municipality));
        // Twelve households arrived in February 2026: ten visited within 72 hours, two after five days; six have a
        // plan; two left the country in March, which closes their cases early.
        for (var i = 0; i < 12; i++)
        {
            var arrival = February.AddHours(i);
            var c = await officer.RegisterReturnAsync(municipality, arrival, $"Family{i}");
            var planned = i < 6;
            var etag = await officer.AssessNeedsAsync(c, c.ETag, planned
                ? ReintegrationApi.NeedsForm(arrival.AddHours(24), ("housing", null))
                : ReintegrationApi.NeedsForm(arrival.AddDays(i >= 10 ? 5 : 1)));
            if (planned)
            {
                (_, etag) = await officer.AdoptPlanAsync(c, etag, arrival.AddDays(6), ("rent-subsidy", null));
            }
            if (i >= 10)
            {
                var closed = await officer.PostIfMatchAsync($"{ReintegrationApi.Cases}/{c.Id}/reviews", new
                {
                    kind = "final-assessment", reviewedAt = new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero), reviewedBy = "Officer",
                    summary = "The family left the country.", earlyClosureReason = "departure",
                }, etag);
                Assert.Equal(HttpStatusCode.Created, closed.StatusCode);
            }
        }
        var uri = $"{Service}/progress-reports/{municipality}/2026-Q1";

        var csvResponse = await officer.GetAsync(uri + "?format=csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var csv = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync());
        var lines = csv.Split("\r\n");
        Assert.Equal("table,key,column,value", lines[0]);
        Assert.Contains("Cases,opened (arrived in the period),count,12", lines);
        // Two closures: hidden, and so is the total they would be worked out from.
        Assert.Contains("Cases,\"closed early (death, departure, transfer)\",count,suppressed", lines);
        Assert.Contains("Cases,closed,count,suppressed", lines);
        // 1.1: six of twelve with a plan, against 2026's target of 60 %.
        Assert.Contains("Indicators,1.1,counted,6", lines);
        Assert.Contains("Indicators,1.1,of,12", lines);
        Assert.Contains("Indicators,1.1,actual %,50", lines);
        Assert.Contains("Indicators,1.1,target year,2026", lines);
        Assert.Contains("Indicators,1.1,target %,60", lines);
        // M1.1: ten of twelve within 72 hours — the two who were not would follow from 12 − 10, so the ten are hidden too.
        Assert.Contains("Indicators,M1.1,of,12", lines);
        Assert.Contains("Indicators,M1.1,counted,suppressed", lines);
        Assert.Contains("Indicators,M1.1,actual %,suppressed", lines);
        Assert.Contains("Scheme evaluations,2026-Q1,households assessed,12", lines);
        Assert.Contains("Scheme evaluations,2026-Q1,plans adopted,6", lines);
        Assert.Contains("Needs not covered,2026-Q1 / housing,households,6", lines);
        Assert.DoesNotContain("Family", csv);
        // The year's report reads its quarters' records at once: the first quarter's figures as above, the others' empty.
        var year = Encoding.UTF8.GetString(await officer.GetByteArrayAsync($"{Service}/progress-reports/{municipality}/2026?format=csv")).Split("\r\n");
        Assert.Contains("Scheme evaluations,2026-Q1,households assessed,12", year);
        Assert.Contains("Needs not covered,2026-Q1 / housing,households,6", year);
        Assert.Contains("Scheme evaluations,2026-Q2,households assessed,0", year);
        Assert.Contains("Scheme evaluations,2026-Q4,plans adopted,0", year);

        // The ministry's analyst downloads the spreadsheet; another library opens it and finds the same figures.
        var xlsx = await platform.As(Personas.Analyst()).GetAsync(uri + "?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Report", "Cases", "Indicators", "Scheme evaluations", "Scheme uptake", "Needs not covered"], book.GetSheetNames());
        var indicators = book.Query(useHeaderRow: true, sheetName: "Indicators").Cast<IDictionary<string, object>>().ToList();
        var plans = indicators.Single(r => (string)r["indicator"] == "1.1");
        Assert.Equal((6m, 12m, 50m, 60m), (Convert.ToDecimal(plans["counted"]), Convert.ToDecimal(plans["of"]), Convert.ToDecimal(plans["actual %"]),
            Convert.ToDecimal(plans["target %"])));
        var visits = indicators.Single(r => (string)r["indicator"] == "M1.1");
        Assert.Equal(("suppressed", 12m), ((string)visits["counted"], Convert.ToDecimal(visits["of"])));
        var cases = book.Query(useHeaderRow: true, sheetName: "Cases").Cast<IDictionary<string, object>>().ToDictionary(r => (string)r["measure"], r => r["count"]);
        Assert.Equal(12m, Convert.ToDecimal(cases["opened (arrived in the period)"]));
        Assert.Equal("suppressed", cases["closed early (death, departure, transfer)"]);
        Assert.Equal(0m, Convert.ToDecimal(cases["closed: sustainable reintegration"]));

        // Another municipality's officer may not; a period that is not one is named.
        await (await platform.As(Personas.ReintegrationOfficer(Names.CentreCode())).GetAsync(uri)).AssertProblemAsync(HttpStatusCode.Forbidden, "municipality");
        await (await officer.GetAsync($"{Service}/progress-reports/{municipality}/2026-Q5")).AssertProblemAsync(HttpStatusCode.BadRequest, "period");
    }
}
