using System.Net;
using System.Text.Json;
using Safeguard.Contracts.SafetyPlan;

namespace Safeguard.SafetyPlan.Tests;

/// <summary>
/// A safety plan starts by itself when risk-assessment says the team must be convened (Art. 17, 19): drafted
/// from what convened it, each measure with a responsible member, and every member and deputy told.
/// </summary>
public sealed class PlanStartTests(PlatformFixture platform)
{
    /// <summary>This test's centre (a new one per test) and its supervisor, who works its cases.</summary>
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    private static string[] Codes(JsonElement plan) =>
        plan.GetProperty("measures").EnumerateArray().Select(m => m.GetProperty("code").GetString()!).ToArray();

    private static JsonElement Measure(JsonElement plan, string code) =>
        plan.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("code").GetString() == code);

    [Fact]
    public async Task A_police_emergency_measure_starts_a_drafted_plan_and_tells_every_member_and_deputy()
    {
        await using var convened = await TestBus.ListenAsync<TeamConvened>(await platform.ConnectionStringAsync("messaging"));
        var centre = _centre;
        var (teamId, _) = await Csr.CreateTeamAsync(centre, "csr", "police", "school");
        var c = await Csr.OpenCaseAsync(centre, victimName: "Vesna Plantest-Unique");

        Assert.Equal(HttpStatusCode.Created, (await Csr.ReportEmergencyMeasureAsync(c, c.ETag)).StatusCode);

        var plan = await Csr.WaitForPlanAsync(c.Id);
        Assert.Equal("convened", plan.GetProperty("state").GetString());
        Assert.Equal(teamId, plan.GetProperty("teamId").GetGuid());
        Assert.Equal(c.Reference, plan.GetProperty("caseReference").GetString());
        Assert.Equal(["police-emergency-measure"], plan.GetProperty("convenedFor").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("PS-2026/77", plan.GetProperty("policeReportReference").GetString());
        Assert.Equal(["contact-within-12-hours", "regular-contact", "enforce-emergency-measure"], Codes(plan));
        Assert.Equal($"police Member {centre}", Measure(plan, "enforce-emergency-measure").GetProperty("responsibleName").GetString());
        Assert.Equal($"csr Member {centre}", Measure(plan, "contact-within-12-hours").GetProperty("responsibleName").GetString());
        // An adult who has not consented: what is done with her waits for her consent (Art. 11).
        Assert.True(Measure(plan, "regular-contact").GetProperty("suspendedForConsent").GetBoolean());
        Assert.False(Measure(plan, "enforce-emergency-measure").GetProperty("suspendedForConsent").GetBoolean());

        var told = Assert.Single(await convened.WaitForAsync(e => e.CaseId == c.Id));
        Assert.False(told.Reconvened);
        Assert.Equal(6, told.Recipients.Count);
        Assert.Contains(told.Recipients, r => r is { Institution: "school", Role: "deputy", Language: "mk" });
        Assert.DoesNotContain("Plantest", JsonSerializer.Serialize(told));
    }

    [Fact]
    public async Task Children_at_risk_add_the_school_notice_and_custody_and_a_child_needs_no_consent()
    {
        var centre = _centre;
        await Csr.CreateTeamAsync(centre, "csr", "police");
        var c = await Csr.OpenCaseAsync(centre, category: "child");
        var answers = (await Answers.AllClearAsync(Csr, childrenInFamily: true)).Yes("1.14", "5.1");

        var assessed = await Csr.SubmitAssessmentAsync(c, RiskAssessmentApi.Assessment(answers.Build(), childrenInFamily: true));
        Assert.Equal(HttpStatusCode.Created, assessed.StatusCode);

        var plan = await Csr.WaitForPlanAsync(c.Id);
        Assert.Contains("notify-school", Codes(plan));
        Assert.Contains("temporary-custody-to-victim-parent", Codes(plan));
        // The team has no school member: the centre's member carries the notice until one is seated.
        Assert.Equal($"csr Member {centre}", Measure(plan, "notify-school").GetProperty("responsibleName").GetString());
        Assert.Equal("not-required", plan.GetProperty("victimConsent").GetString());
        Assert.All(plan.GetProperty("measures").EnumerateArray(), m => Assert.False(m.GetProperty("suspendedForConsent").GetBoolean()));
    }

    [Fact]
    public async Task A_plan_convened_before_its_centre_had_a_team_is_taken_up_by_the_first_team_and_adopted()
    {
        // Art. 17, Annex 4: the centre convenes its team; a centre still without one must not leave the plan stuck.
        var centre = _centre;
        var c = await Csr.OpenCaseAsync(centre);
        Assert.Equal(HttpStatusCode.Created, (await Csr.ReportEmergencyMeasureAsync(c, c.ETag)).StatusCode);
        var waiting = await Csr.WaitForPlanAsync(c.Id);
        Assert.Equal(JsonValueKind.Null, waiting.GetProperty("teamId").ValueKind);

        var (teamId, _) = await Csr.CreateTeamAsync(centre, "csr", "police");

        var planId = waiting.GetProperty("id").GetGuid();
        var read = await Csr.GetAsync($"{SafetyPlanApi.Plans}/{planId}");
        var plan = JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(teamId, plan.GetProperty("teamId").GetGuid());
        Assert.Equal($"police Member {centre}", Measure(plan, "enforce-emergency-measure").GetProperty("responsibleName").GetString());
        Assert.Equal($"csr Member {centre}", Measure(plan, "contact-within-12-hours").GetProperty("responsibleName").GetString());
        // The service's own clock: other tests of this assembly move it ahead of the wall clock.
        var adoptedAt = await platform.Gateway.ServiceTimeAsync("/api/safety-plans");
        var adopted = await Csr.PostIfMatchAsync($"{SafetyPlanApi.Plans}/{planId}/adoption", new { adoptedAt }, RiskAssessmentApi.ETagOf(read));
        Assert.Equal(HttpStatusCode.OK, adopted.StatusCode);
    }

    [Fact]
    public async Task A_second_convening_reconvenes_the_same_plan()
    {
        await using var convened = await TestBus.ListenAsync<TeamConvened>(await platform.ConnectionStringAsync("messaging"));
        var centre = _centre;
        await Csr.CreateTeamAsync(centre, "csr");
        var c = await Csr.OpenCaseAsync(centre);
        var first = await Csr.ReportEmergencyMeasureAsync(c, c.ETag, "PS-1");
        var plan = await Csr.WaitForPlanAsync(c.Id);

        var second = await Csr.ReportEmergencyMeasureAsync(c, RiskAssessmentApi.ETagOf(first), "PS-2");
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);

        var revised = await Csr.WaitForPlanAsync(c.Id, p => p.GetProperty("lastReconvenedAt").ValueKind != JsonValueKind.Null);
        Assert.Equal(plan.GetProperty("id").GetGuid(), revised.GetProperty("id").GetGuid());
        Assert.Equal("PS-2", revised.GetProperty("policeReportReference").GetString());
        var events = await convened.WaitForAsync(e => e.CaseId == c.Id, count: 2);
        // One first convening, one reconvening (the listener consumes concurrently, so not necessarily in order).
        Assert.Equal([false, true], events.Select(e => e.Reconvened).Order());
    }

    [Fact]
    public async Task A_centre_without_a_team_gets_a_plan_that_waits_for_one()
    {
        var c = await Csr.OpenCaseAsync(_centre);

        await Csr.ReportEmergencyMeasureAsync(c, c.ETag);

        var plan = await Csr.WaitForPlanAsync(c.Id);
        Assert.Equal(JsonValueKind.Null, plan.GetProperty("teamId").ValueKind);
        Assert.All(plan.GetProperty("measures").EnumerateArray(), m => Assert.Equal(JsonValueKind.Null, m.GetProperty("responsibleName").ValueKind));
    }
}
