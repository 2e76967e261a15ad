using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.Security.Tests;

/// <summary>
/// Ids of another institution's records (IDOR): a case worker of another centre, a police officer outside the
/// team, an officer of another municipality. Each gets the answer a missing record gets, and nothing changes.
/// </summary>
public sealed class RecordRuleTests(PlatformFixture platform)
{
    private readonly string _centre = Names.CentreCode();
    private readonly string _otherCentre = Names.CentreCode();

    private HttpClient Owner => platform.As(Personas.Supervisor(_centre));
    private HttpClient Stranger => platform.As(Personas.CaseWorker(_otherCentre));

    [Fact]
    public async Task Another_centres_case_worker_finds_no_case_and_changes_nothing()
    {
        var c = await Owner.OpenCaseAsync(_centre);
        var paths = new[] { "", "/assessments", "/risk-history", "/consents", "/police-reports" };
        foreach (var path in paths)
        {
            await (await Stranger.GetAsync($"{RiskAssessmentApi.Cases}/{c.Id}{path}")).AssertProblemAsync(HttpStatusCode.NotFound);
        }
        // With the case's own ETag, as if she had seen it: still nothing.
        await (await Stranger.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/closure", new { reason = "Closed by someone else." }, c.ETag))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Stranger.SubmitAssessmentAsync(c, RiskAssessmentApi.Assessment((await Answers.AllClearAsync(Stranger)).Build()), c.ETag))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        // Listing another centre is refused by name, not answered with an empty list.
        await (await Stranger.GetAsync($"{RiskAssessmentApi.Cases}?centre={_centre}")).AssertProblemAsync(HttpStatusCode.Forbidden, "centre");
        Assert.DoesNotContain(await Stranger.ListAsync(RiskAssessmentApi.Cases), x => x.GetProperty("id").GetGuid() == c.Id);
        // Opening a case for another centre is refused.
        await (await Stranger.PostAsJsonAsync(RiskAssessmentApi.Cases, new
        {
            centreCode = _centre, reportedBy = "police", learnedAt = DateTimeOffset.UtcNow.AddMinutes(-5), victim = new { fullName = "Test Victim", category = "adult" },
        })).AssertProblemAsync(HttpStatusCode.Forbidden, "centreCode");

        var after = await Owner.ReadCaseAsync(c.Id);
        Assert.Equal(c.ETag, after.ETag);
        Assert.Equal("awaiting-assessment", after.Body.GetProperty("state").GetString());
        Assert.Equal(1L, (await platform.QueryAsync("risk-assessment-db", "SELECT count(*) FROM cases WHERE centre_code = @c", ("c", _centre)))[0][0]);
    }

    [Fact]
    public async Task A_team_member_sees_her_teams_plan_but_not_the_questionnaire_and_an_outsider_sees_neither()
    {
        await Owner.CreateTeamAsync(_centre, "csr", "police");
        var c = await Owner.OpenCaseAsync(_centre);
        Assert.Equal(HttpStatusCode.Created, (await Owner.ReportEmergencyMeasureAsync(c, c.ETag)).StatusCode);
        var plan = await Owner.WaitForPlanAsync(c.Id);
        var planId = plan.GetProperty("id").GetGuid();

        // The member is the account that accepted the police seat (issue 22 §4); the outsider sits on another team.
        var member = platform.As(Personas.TeamMember(SafetyPlanApi.SeatEmail("police", _centre)));
        await platform.AcceptSeatAsync(member, SafetyPlanApi.SeatEmail("police", _centre));
        var outsider = platform.As(Personas.TeamMember(SafetyPlanApi.SeatEmail("police", _otherCentre)));

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"{SafetyPlanApi.Plans}/{planId}")).StatusCode);
        Assert.Contains(await member.ListAsync(SafetyPlanApi.Plans), p => p.GetProperty("id").GetGuid() == planId);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"{SafetyPlanApi.Plans}/{planId}/monitoring")).StatusCode);
        // The questionnaire and the case stay with the centre (seed 003 Art. 3: only what the purpose needs).
        await (await member.GetAsync($"{RiskAssessmentApi.Cases}/{c.Id}/assessments")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await member.GetAsync($"{RiskAssessmentApi.Cases}/{c.Id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await member.GetAsync($"/api/safety-plans/individual-plans/{c.Id}")).AssertProblemAsync(HttpStatusCode.Forbidden);

        await (await outsider.GetAsync($"{SafetyPlanApi.Plans}/{planId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(await outsider.ListAsync(SafetyPlanApi.Plans), p => p.GetProperty("id").GetGuid() == planId);
        var alert = await outsider.PostAsJsonAsync($"{SafetyPlanApi.Plans}/{planId}/risk-alerts", new { });
        Assert.Contains(alert.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.NotFound });
        await (await Stranger.GetAsync($"{SafetyPlanApi.Plans}/{planId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await platform.QueryAsync("safety-plan-db", "SELECT 1 FROM monitoring_entries WHERE plan_id = @p", ("p", planId)));
    }

    [Fact]
    public async Task Another_municipality_finds_no_household_and_cannot_refer_it()
    {
        var municipality = Names.CentreCode();
        var officer = platform.As(Personas.ReintegrationOfficer(municipality));
        var other = platform.As(Personas.ReintegrationOfficer(Names.CentreCode()));
        var now = await officer.ServiceTimeAsync(ReintegrationApi.Prefix);
        var c = await officer.RegisterReturnAsync(municipality, now.AddHours(-3));

        await (await other.GetAsync($"{ReintegrationApi.Cases}/{c.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"{ReintegrationApi.Cases}/{c.Id}/consents")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync(ReintegrationApi.Referrals + "/",
            ReintegrationApi.Referral(c.Id, "rent-subsidy", [c.Member(0)], "someone@institution.test"))).AssertProblemAsync(HttpStatusCode.BadRequest, "caseId");
        await (await other.GetAsync($"{ReintegrationApi.Cases}?municipality={municipality}")).AssertProblemAsync(HttpStatusCode.Forbidden, "municipality");
        // An analyst sees counts, never a household.
        await (await platform.As(Personas.Analyst()).GetAsync($"{ReintegrationApi.Cases}/{c.Id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty(await platform.QueryAsync("reintegration-db", "SELECT 1 FROM referrals WHERE case_id = @c", ("c", c.Id)));
    }
}
