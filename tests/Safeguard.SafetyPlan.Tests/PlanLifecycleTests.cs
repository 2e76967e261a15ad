using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Safeguard.Contracts.SafetyPlan;

namespace Safeguard.SafetyPlan.Tests;

/// <summary>
/// A plan's life after adoption: new risk reconvenes the team (Art. 21), custody of the children has its
/// 12 hours (Art. 31), consent withdrawn suspends what needs it (Art. 22), and the plan closes only on a
/// reassessment that finds the risk ended (Art. 21).
/// </summary>
[Collection(ServiceClockCollection.Name)]
public sealed class PlanLifecycleTests(PlatformFixture platform)
{
    /// <summary>This test's centre (a new one per test) and its supervisor, who works its cases.</summary>
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    private const string Service = "/api/safety-plans";


    private async Task<string> ETagAsync(Guid planId) => RiskAssessmentApi.ETagOf(await Csr.GetAsync($"{SafetyPlanApi.Plans}/{planId}"));

    private static JsonElement[] Clocks(JsonElement plan, string clock) =>
        plan.GetProperty("clocks").EnumerateArray().Where(c => c.GetProperty("clock").GetString() == clock).ToArray();

    /// <summary>
    /// A child victim with children at risk and a threat to kill: the team is convened with a custody measure. The
    /// supervisor takes the centre's member seat when <paramref name="takeCsrSeat"/>, to act as that member.
    /// </summary>
    private async Task<(OpenedCase Case, JsonElement Plan, Guid CsrMember)> ChildCaseAsync(bool takeCsrSeat = false)
    {
        var centre = _centre;
        var (teamId, _) = await Csr.CreateTeamAsync(centre, "csr", "police");
        if (takeCsrSeat)
        {
            await platform.AcceptSeatAsync(Csr, SafetyPlanApi.SeatEmail("csr", centre));
        }
        var c = await Csr.OpenCaseAsync(centre, category: "child");
        var answers = (await Answers.AllClearAsync(Csr, childrenInFamily: true)).Yes("1.14", "5.1");
        var assessed = await Csr.SubmitAssessmentAsync(c, RiskAssessmentApi.Assessment(answers.Build(), childrenInFamily: true));
        Assert.Equal(HttpStatusCode.Created, assessed.StatusCode);
        var plan = await Csr.WaitForPlanAsync(c.Id);
        var team = await Csr.GetFromJsonAsync<JsonElement>($"{SafetyPlanApi.Teams}/{teamId}");
        var csr = team.GetProperty("institutions").EnumerateArray().Single(s => s.GetProperty("institution").GetString() == "csr");
        return (c with { ETag = RiskAssessmentApi.ETagOf(assessed) }, plan, csr.GetProperty("memberId").GetGuid());
    }

    private async Task<JsonElement> AdoptAsync(Guid planId)
    {
        var adopted = await Csr.PostIfMatchAsync($"{SafetyPlanApi.Plans}/{planId}/adoption", new { adoptedAt = await platform.Gateway.ServiceTimeAsync(Service) }, await ETagAsync(planId));
        Assert.Equal(HttpStatusCode.OK, adopted.StatusCode);
        return await adopted.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_plan_the_police_convened_before_any_assessment_takes_its_level_and_a_raised_one_reconvenes_the_team()
    {
        // Art. 19, 21: the first assessment after a police convening gives the plan its level; a higher one is new risk.
        await using var convened = await TestBus.ListenAsync<TeamConvened>(await platform.ConnectionStringAsync("messaging"));
        await Csr.CreateTeamAsync(_centre, "csr");
        var c = await Csr.OpenCaseAsync(_centre);
        var reported = await Csr.ReportEmergencyMeasureAsync(c, c.ETag);
        var planId = (await Csr.WaitForPlanAsync(c.Id)).GetProperty("id").GetGuid();
        var first = await Csr.SubmitAssessmentAsync(c, RiskAssessmentApi.Assessment((await Answers.AllClearAsync(Csr)).Build()), RiskAssessmentApi.ETagOf(reported));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await Csr.WaitForPlanAsync(c.Id, p => p.GetProperty("riskLevel").GetString() == "standard");

        var raised = await Csr.SubmitAssessmentAsync(c, RiskAssessmentApi.Assessment((await Answers.AllClearAsync(Csr)).Yes("1.14").Build()),
            RiskAssessmentApi.ETagOf(first));
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);

        Assert.Contains(await convened.WaitForAsync(e => e.PlanId == planId && e.Reasons.Contains("raised-level")), e => e.Reconvened);
    }

    [Fact]
    public async Task A_reassessment_that_raises_the_level_reconvenes_the_whole_team_at_once()
    {
        // Art. 21: new or increased risk convenes the team immediately, every member and deputy.
        await using var convened = await TestBus.ListenAsync<TeamConvened>(await platform.ConnectionStringAsync("messaging"));
        var centre = _centre;
        await Csr.CreateTeamAsync(centre, "csr", "police");
        var c = await Csr.OpenCaseAsync(centre);
        var first = await Csr.SubmitAssessmentAsync(c, RiskAssessmentApi.Assessment((await Answers.AllClearAsync(Csr)).Build()));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Csr.ReportEmergencyMeasureAsync(c, RiskAssessmentApi.ETagOf(first))).StatusCode);
        var planId = (await Csr.WaitForPlanAsync(c.Id, p => p.GetProperty("riskLevel").GetString() == "standard")).GetProperty("id").GetGuid();

        var etag = RiskAssessmentApi.ETagOf(await Csr.GetAsync($"{RiskAssessmentApi.Cases}/{c.Id}"));
        var raised = await Csr.SubmitAssessmentAsync(c, RiskAssessmentApi.Assessment((await Answers.AllClearAsync(Csr)).Yes("1.14").Build()), etag);
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);

        var told = Assert.Single(await convened.WaitForAsync(e => e.PlanId == planId && e.Reconvened));
        Assert.Equal(["raised-level"], told.Reasons);
        Assert.Equal(4, told.Recipients.Count);
        var plan = await Csr.GetFromJsonAsync<JsonElement>($"{SafetyPlanApi.Plans}/{planId}");
        Assert.Equal("high", plan.GetProperty("riskLevel").GetString());
        Assert.Contains("raised-level", plan.GetProperty("convenedFor").EnumerateArray().Select(r => r.GetString()));
        Assert.NotEqual(JsonValueKind.Null, plan.GetProperty("lastReconvenedAt").ValueKind);
    }

    [Fact]
    public async Task A_plan_walks_from_convened_through_new_risk_to_closure_on_a_reassessment()
    {
        var broker = await platform.ConnectionStringAsync("messaging");
        await using var convened = await TestBus.ListenAsync<TeamConvened>(broker);
        await using var closed = await TestBus.ListenAsync<SafetyPlanClosed>(broker);
        await using var clockAlerts = await TestBus.ListenAsync<MonitoringClockAlert>(broker);
        var (c, plan, csrMember) = await ChildCaseAsync(takeCsrSeat: true);
        var planId = plan.GetProperty("id").GetGuid();
        // The answer to her change names her seat as a read does: the page she acts on keeps her own duties marked.
        Assert.Equal(csrMember, (await AdoptAsync(planId)).GetProperty("callerSeatId").GetGuid());
        var close = new
        {
            at = await platform.Gateway.ServiceTimeAsync(Service), effects = "Measures carried out; no incident for three weeks.", decision = "End the plan.",
            riskCeased = true, participants = new[] { "csr Member", "police Member" },
        };

        // No reassessment since adoption: closing is refused (Art. 21).
        var refused = await Csr.PostIfMatchAsync($"{SafetyPlanApi.Plans}/{planId}/closure", close, await ETagAsync(planId));
        await refused.AssertProblemAsync(HttpStatusCode.Conflict, "reassessment");

        // A member reports new risk: the team is told to reconvene at once, and a meeting answers it.
        var alert = await Csr.PostAsJsonAsync($"{SafetyPlanApi.Plans}/{planId}/risk-alerts",
            new { reportedBy = "member", at = await platform.Gateway.ServiceTimeAsync(Service), summary = "He was seen near the school." });
        Assert.Equal(HttpStatusCode.Created, alert.StatusCode);
        Assert.Equal($"csr Member {_centre}", (await alert.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("member").GetString());
        var reconvened = await convened.WaitForAsync(e => e.PlanId == planId && e.Reconvened);
        Assert.Equal(["new-risk"], reconvened[0].Reasons);
        Assert.Single(Clocks(await Csr.GetFromJsonAsync<JsonElement>($"{SafetyPlanApi.Plans}/{planId}"), "reconvene"));
        // "Immediately" (Art. 21): the reconvene clock is due at once.
        await clockAlerts.WaitForAsync(a => a.PlanId == planId && a.Clock == "reconvene" && a.Stage == "due");
        var meeting = await Csr.PostAsJsonAsync($"{SafetyPlanApi.Plans}/{planId}/meetings",
            new { at = await platform.Gateway.ServiceTimeAsync(Service), summary = "Team met; police patrols near the school added." });
        Assert.Equal(HttpStatusCode.Created, meeting.StatusCode);
        Assert.Empty(Clocks(await Csr.GetFromJsonAsync<JsonElement>($"{SafetyPlanApi.Plans}/{planId}"), "reconvene"));

        // Later, a reassessment in risk-assessment finds the risk standard: now the plan may close.
        await platform.Gateway.AdvanceClockAsync(Service, TimeSpan.FromMinutes(1));
        var reassessment = await Csr.SubmitAssessmentAsync(c,
            RiskAssessmentApi.Assessment((await Answers.AllClearAsync(Csr, childrenInFamily: true)).Build(), childrenInFamily: true));
        Assert.Equal(HttpStatusCode.Created, reassessment.StatusCode);
        await Csr.WaitForPlanAsync(c.Id, p => p.GetProperty("lastAssessedLevel").GetString() == "standard");
        var closedPlan = await Csr.PostIfMatchAsync($"{SafetyPlanApi.Plans}/{planId}/closure",
            close with { at = await platform.Gateway.ServiceTimeAsync(Service) }, await ETagAsync(planId));

        Assert.Equal(HttpStatusCode.OK, closedPlan.StatusCode);
        var final = await closedPlan.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("closed", final.GetProperty("state").GetString());
        Assert.Contains("End the plan.", final.GetProperty("closingEvaluation").GetString());
        Assert.Equal(["csr Member", "police Member"], final.GetProperty("closingParticipants").EnumerateArray().Select(p => p.GetString()));
        Assert.Empty(final.GetProperty("clocks").EnumerateArray());
        Assert.Equal(csrMember, final.GetProperty("callerSeatId").GetGuid());
        Assert.Single(await closed.WaitForAsync(e => e.PlanId == planId));
        var sheet = await Csr.ListAsync($"{SafetyPlanApi.Plans}/{planId}/monitoring");
        Assert.Equal(["risk-alert", "meeting", "evaluation"], sheet.Select(e => e.GetProperty("kind").GetString()));

        // With its plan closed by the team, the case itself may close.
        await WaitUntilRiskAssessmentSeesPlanAsync(c.Id, live: false);
        var caseETag = RiskAssessmentApi.ETagOf(await Csr.GetAsync($"{RiskAssessmentApi.Cases}/{c.Id}"));
        var closedCase = await Csr.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/closure", new { reason = "Risk ended; plan closed by the team." }, caseETag);
        Assert.Equal(HttpStatusCode.OK, closedCase.StatusCode);
    }

    [Fact]
    public async Task Closure_is_the_teams_decision_on_a_reassessment_and_never_at_high()
    {
        // Art. 21: a reassessment at "standard" does not let a case worker close the plan alone: the team decides,
        // naming who took part (Annex 5 §5); a reassessment at high refuses closure.
        var (c, plan, _) = await ChildCaseAsync();
        var planId = plan.GetProperty("id").GetGuid();
        await AdoptAsync(planId);
        await platform.Gateway.AdvanceClockAsync(Service, TimeSpan.FromMinutes(1));
        var standard = await Csr.SubmitAssessmentAsync(c,
            RiskAssessmentApi.Assessment((await Answers.AllClearAsync(Csr, childrenInFamily: true)).Build(), childrenInFamily: true));
        Assert.Equal(HttpStatusCode.Created, standard.StatusCode);
        await Csr.WaitForPlanAsync(c.Id, p => p.GetProperty("lastAssessedLevel").GetString() == "standard");
        var at = await platform.Gateway.ServiceTimeAsync(Service);

        var alone = await Csr.PostIfMatchAsync($"{SafetyPlanApi.Plans}/{planId}/closure",
            new { at, effects = "No incident.", decision = "End the plan.", riskCeased = false, participants = new[] { "csr Member" } }, await ETagAsync(planId));
        var nobody = await Csr.PostIfMatchAsync($"{SafetyPlanApi.Plans}/{planId}/closure",
            new { at, effects = "No incident.", decision = "End the plan.", riskCeased = true, participants = Array.Empty<string>() }, await ETagAsync(planId));
        await alone.AssertProblemAsync(HttpStatusCode.BadRequest, "riskCeased");
        await nobody.AssertProblemAsync(HttpStatusCode.BadRequest, "participants");

        await platform.Gateway.AdvanceClockAsync(Service, TimeSpan.FromMinutes(1));
        var high = await Csr.SubmitAssessmentAsync(c with { ETag = RiskAssessmentApi.ETagOf(standard) },
            RiskAssessmentApi.Assessment((await Answers.AllClearAsync(Csr, childrenInFamily: true)).Yes("1.14", "5.1").Build(), childrenInFamily: true));
        Assert.Equal(HttpStatusCode.Created, high.StatusCode);
        await Csr.WaitForPlanAsync(c.Id, p => p.GetProperty("lastAssessedLevel").GetString() == "high");
        var atHigh = await Csr.PostIfMatchAsync($"{SafetyPlanApi.Plans}/{planId}/closure",
            new { at = await platform.Gateway.ServiceTimeAsync(Service), effects = "No incident.", decision = "End the plan.", riskCeased = true,
                  participants = new[] { "csr Member" } }, await ETagAsync(planId));
        await atHigh.AssertProblemAsync(HttpStatusCode.Conflict, "reassessment");
        Assert.Equal("adopted", (await Csr.GetFromJsonAsync<JsonElement>($"{SafetyPlanApi.Plans}/{planId}")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_case_with_a_live_safety_plan_cannot_be_closed_around_it()
    {
        // Art. 21: the plan ends only by the team's decision; closing the case around it would leave its clocks alerting.
        var (c, _, _) = await ChildCaseAsync();
        await WaitUntilRiskAssessmentSeesPlanAsync(c.Id, live: true);

        var refused = await Csr.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/closure", new { reason = "The family moved away." }, c.ETag);

        await refused.AssertProblemAsync(HttpStatusCode.Conflict, "safetyPlan");
        var read = await Csr.ReadCaseAsync(c.Id);
        Assert.NotEqual("closed", read.Body.GetProperty("state").GetString());
    }

    private async Task WaitUntilRiskAssessmentSeesPlanAsync(Guid caseId, bool live)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while ((await platform.QueryAsync("risk-assessment-db", "SELECT 1 FROM case_safety_plans WHERE case_id = @id AND live = @live",
                   ("id", caseId), ("live", live))).Count == 0)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"risk-assessment did not learn that the plan is {(live ? "live" : "closed")}.");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Custody_of_the_children_has_12_hours_from_the_report_and_is_stopped_by_the_measure_being_done()
    {
        await using var alerts = await TestBus.ListenAsync<MonitoringClockAlert>(await platform.ConnectionStringAsync("messaging"));
        var (c, plan, _) = await ChildCaseAsync(takeCsrSeat: true);
        var planId = plan.GetProperty("id").GetGuid();
        var custody = Assert.Single(Clocks(plan, "custody"));
        // Within a millisecond: the case's time was stored with PostgreSQL's microsecond precision.
        Assert.Equal(c.Body.GetProperty("learnedAt").GetDateTimeOffset().AddHours(12), custody.GetProperty("deadlineAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));

        await platform.Gateway.AdvanceClockAsync(Service, TimeSpan.FromHours(13));
        var overdue = Assert.Single(await alerts.WaitForAsync(a => a.PlanId == planId && a.Clock == "custody" && a.Stage == "overdue"));
        Assert.Equal(c.Reference, overdue.CaseReference);

        var measureId = plan.GetProperty("measures").EnumerateArray()
            .Single(m => m.GetProperty("code").GetString() == "temporary-custody-to-victim-parent").GetProperty("id").GetGuid();
        var done = await Csr.PostAsJsonAsync($"{SafetyPlanApi.Plans}/{planId}/measures/{measureId}/status",
            new { status = "done", at = await platform.Gateway.ServiceTimeAsync(Service), note = "Court decision on temporary custody served." });
        Assert.Equal(HttpStatusCode.Created, done.StatusCode);
        Assert.Empty(Clocks(await Csr.GetFromJsonAsync<JsonElement>($"{SafetyPlanApi.Plans}/{planId}"), "custody"));
    }

    [Fact]
    public async Task Consent_withdrawn_suspends_the_measures_that_need_it()
    {
        var centre = _centre;
        await Csr.CreateTeamAsync(centre, "csr", "police");
        var c = await Csr.OpenCaseAsync(centre);
        var consent = await Csr.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/consents", RiskAssessmentApi.ConsentForm(["counselling"]), c.ETag);
        var report = await Csr.ReportEmergencyMeasureAsync(c, RiskAssessmentApi.ETagOf(consent));
        var plan = await Csr.WaitForPlanAsync(c.Id);
        Assert.Equal("given", plan.GetProperty("victimConsent").GetString());
        Assert.All(plan.GetProperty("measures").EnumerateArray(), m => Assert.False(m.GetProperty("suspendedForConsent").GetBoolean()));

        var withdrawn = await Csr.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/consents/withdrawal", new
        {
            withdrawnAt = DateTimeOffset.UtcNow, recordedBy = "Test Professional", reason = "She moved in with her sister.", psychosocialSupportOffered = true,
        }, RiskAssessmentApi.ETagOf(report));
        Assert.Equal(HttpStatusCode.Created, withdrawn.StatusCode);

        var suspended = await Csr.WaitForPlanAsync(c.Id, p => p.GetProperty("victimConsent").GetString() == "withdrawn");
        var measures = suspended.GetProperty("measures").EnumerateArray().ToDictionary(m => m.GetProperty("code").GetString()!);
        Assert.True(measures["regular-contact"].GetProperty("suspendedForConsent").GetBoolean());
        Assert.False(measures["enforce-emergency-measure"].GetProperty("suspendedForConsent").GetBoolean());
    }

    [Fact]
    public async Task Invalid_revisions_are_refused_naming_the_field()
    {
        var (_, plan, csrMember) = await ChildCaseAsync();
        var planId = plan.GetProperty("id").GetGuid();
        var (_, _, otherTeamMember) = await ChildCaseAsync();
        var path = $"{SafetyPlanApi.Plans}/{planId}/measures";

        var foreign = await Csr.PostIfMatchAsync(path, new { code = "counselling", membershipId = otherTeamMember }, await ETagAsync(planId));
        var noResponsible = await Csr.PostIfMatchAsync(path, new { code = "counselling" }, await ETagAsync(planId));
        var unknown = await Csr.PostIfMatchAsync(path, new { code = "spa-weekend", membershipId = csrMember }, await ETagAsync(planId));
        var undescribed = await Csr.PostIfMatchAsync(path, new { code = "other", membershipId = csrMember }, await ETagAsync(planId));
        var notAdopted = await Csr.PostIfMatchAsync($"{SafetyPlanApi.Plans}/{planId}/closure",
            new { at = await platform.Gateway.ServiceTimeAsync(Service), effects = "n/a", decision = "close", riskCeased = true, participants = new[] { "csr Member" } },
            await ETagAsync(planId));

        await foreign.AssertProblemAsync(HttpStatusCode.BadRequest, "membershipId");
        await noResponsible.AssertProblemAsync(HttpStatusCode.BadRequest, "membershipId");
        await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, "code");
        await undescribed.AssertProblemAsync(HttpStatusCode.BadRequest, "description");
        await notAdopted.AssertProblemAsync(HttpStatusCode.Conflict, "state");
        var read = await Csr.GetFromJsonAsync<JsonElement>($"{SafetyPlanApi.Plans}/{planId}");
        Assert.Equal(plan.GetProperty("measures").GetArrayLength(), read.GetProperty("measures").GetArrayLength());

        var added = await Csr.PostIfMatchAsync(path,
            new { code = "counselling", frequency = "weekly", durationDays = 90, membershipId = csrMember }, await ETagAsync(planId));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var last = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("measures").EnumerateArray().Last();
        Assert.Equal("counselling", last.GetProperty("code").GetString());
        Assert.Equal(plan.GetProperty("measures").GetArrayLength() + 1, last.GetProperty("number").GetInt32());
    }
}
