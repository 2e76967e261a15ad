using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.SafetyPlan.Tests;

/// <summary>
/// The protection chain's KPIs (issue 26 §4) from records made for them: safety-plan learns the cases and their
/// assessments from risk-assessment's events, and adds its own plans. The centre's supervisor reads them in full;
/// the ministry's analyst reads them with small counts withheld, as JSON and as CSV.
/// </summary>
public sealed class KpiTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_centres_KPIs_count_its_cases_assessments_and_plans_and_withhold_small_counts_outside_it()
    {
        var centre = Names.CentreCode();
        var csr = platform.As(Personas.Supervisor(centre));
        await csr.CreateTeamAsync(centre, "csr", "police");
        // Two days back on both services' clocks: every 12 hours have run out, whichever clock the KPIs read.
        var now = Min(await platform.Gateway.ServiceTimeAsync("/api/risk-assessment"), await platform.Gateway.ServiceTimeAsync("/api/safety-plans"));
        var learned = now.AddDays(-2);
        var period = learned.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        // Four cases assessed within their 12 hours at standard risk, one never assessed.
        for (var i = 0; i < 4; i++)
        {
            var c = await csr.OpenCaseAsync(centre, learned);
            var assessed = await csr.SubmitAssessmentAsync(c, RiskAssessmentApi.Assessment((await Answers.AllClearAsync(csr)).Build(), assessedAt: learned.AddHours(1)));
            Assert.Equal(HttpStatusCode.Created, assessed.StatusCode);
        }
        await csr.OpenCaseAsync(centre, learned);
        // A child at high risk (a threat to kill, children at risk): the team is convened, and its plan adopted.
        var child = await csr.OpenCaseAsync(centre, learned, category: "child");
        var high = (await Answers.AllClearAsync(csr, childrenInFamily: true)).Yes("1.14", "5.1");
        Assert.Equal(HttpStatusCode.Created, (await csr.SubmitAssessmentAsync(child,
            RiskAssessmentApi.Assessment(high.Build(), childrenInFamily: true, assessedAt: learned.AddHours(2)))).StatusCode);
        var planId = (await csr.WaitForPlanAsync(child.Id)).GetProperty("id").GetGuid();
        var etag = RiskAssessmentApi.ETagOf(await csr.GetAsync($"{SafetyPlanApi.Plans}/{planId}"));
        Assert.Equal(HttpStatusCode.OK, (await csr.PostIfMatchAsync($"{SafetyPlanApi.Plans}/{planId}/adoption",
            new { adoptedAt = await platform.Gateway.ServiceTimeAsync("/api/safety-plans") }, etag)).StatusCode);

        // The centre's own supervisor: every count, once the events have arrived.
        var inside = await csr.WaitForKpisAsync($"period={period}", r => Line(r, "assessed-within-12-hours").GetProperty("count").GetInt32() == 5
                                                                          && Line(r, "high-risk-with-adopted-plan").GetProperty("count").GetInt32() == 1);
        Assert.False(inside.GetProperty("smallCountsSuppressed").GetBoolean());
        Assert.Equal(6, Line(inside, "assessed-within-12-hours").GetProperty("of").GetInt32());
        Assert.Equal(83.3m, Line(inside, "assessed-within-12-hours").GetProperty("percent").GetDecimal());
        Assert.Equal(1, Line(inside, "high-risk-with-adopted-plan").GetProperty("of").GetInt32());
        Assert.Equal(4, Line(inside, "first-level-standard").GetProperty("count").GetInt32());
        Assert.Equal(1, Line(inside, "first-level-high").GetProperty("count").GetInt32());
        Assert.Equal(5, Line(inside, "first-level-high").GetProperty("of").GetInt32());
        Assert.Equal(1, Line(inside, "hours-to-first-assessment").GetProperty("median").GetDouble()); // the middle of 1, 1, 1, 1 and 2 hours
        // Another centre's supervisor may not read it.
        var other = await platform.As(Personas.Supervisor(Names.CentreCode())).GetAsync($"{SafetyPlanApi.Kpis}?centre={centre}&period={period}");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);

        // The ministry's analyst: one late case, one high-risk case and its plan are small counts, and so is what gives them back.
        var analyst = platform.As(Personas.Analyst());
        var outside = await analyst.GetFromJsonAsync<JsonElement>($"{SafetyPlanApi.Kpis}?centre={centre}&period={period}");
        Assert.True(outside.GetProperty("smallCountsSuppressed").GetBoolean());
        foreach (var code in (string[])["assessed-within-12-hours", "high-risk-with-adopted-plan", "hours-to-plan-adoption", "first-level-standard"])
        {
            Assert.True(Line(outside, code).GetProperty("suppressed").GetBoolean(), code);
            Assert.Equal(JsonValueKind.Null, Line(outside, code).GetProperty("count").ValueKind);
        }
        var csv = await analyst.GetStringAsync($"{SafetyPlanApi.Kpis}?centre={centre}&period={period}&format=csv");
        // In long form, one line per cell: table, key (centre / period / KPI), column, value.
        var key = $"Protection chain KPIs,{centre} / {period} / assessed-within-12-hours";
        Assert.Contains($"{key},count,suppressed\r\n", csv);
        Assert.Contains($"{key},of,6\r\n", csv); // the two hidden parts (5 and 1) make 6 together, which names neither
        Assert.Contains($"Protection chain KPIs,{centre} / {period} / plans-closed-by-team,count,0\r\n", csv);

        // A period that is not one is refused with a problem naming the field.
        var bad = await csr.GetAsync($"{SafetyPlanApi.Kpis}?period=2026-13");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("period", await bad.Content.ReadAsStringAsync());
    }

    private static JsonElement Line(JsonElement report, string code) => SafetyPlanApi.KpiLine(report, code);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
