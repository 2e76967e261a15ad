using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Safeguard.Contracts.SafetyPlan;

namespace Safeguard.SafetyPlan.Tests;

/// <summary>
/// Her consent to the team is its own (Annex 2 §3; Art. 11, 20, 22): an adult who consents to measures but
/// refuses the team gets no team, the centre is told once, and her later consent convenes it.
/// </summary>
public sealed class TeamConsentTests(PlatformFixture platform)
{
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    private static JsonElement Measure(JsonElement plan, string code) =>
        plan.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("code").GetString() == code);

    private async Task<(OpenedCase Case, string ETag, Guid RefusalId)> RefusedTheTeamAsync()
    {
        var c = await Csr.OpenCaseAsync(_centre);
        var refused = await Csr.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/consents",
            RiskAssessmentApi.ConsentForm(["shelter", "legal-aid"], toTeamAndSafetyPlan: false), c.ETag);
        Assert.Equal(HttpStatusCode.Created, refused.StatusCode);
        var refusalId = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        return (c, RiskAssessmentApi.ETagOf(refused), refusalId);
    }

    [Fact]
    public async Task An_adult_who_refused_the_team_gets_none_the_centre_is_told_once_and_her_later_consent_convenes_it()
    {
        await using var convened = await TestBus.ListenAsync<TeamConvened>(await platform.ConnectionStringAsync("messaging"));
        var mailbox = Names.Mailbox(_centre);
        await platform.Gateway.RegisterMailboxAsync(_centre, mailbox);
        var (teamId, _) = await Csr.CreateTeamAsync(_centre, "csr", "police");
        var (c, etag, refusalId) = await RefusedTheTeamAsync();

        // The case shows her refusal apart from the measures she accepted, and the professional's task (Art. 22).
        var consent = (await Csr.ReadCaseAsync(c.Id)).Body.GetProperty("consent");
        Assert.Equal("given", consent.GetProperty("status").GetString());
        Assert.Equal("refused", consent.GetProperty("team").GetString());
        var task = Assert.Single(consent.GetProperty("pendingTasks").EnumerateArray());
        Assert.Equal("assess-refusal-and-offer-support", task.GetProperty("kind").GetString());

        // Art. 19: the police's emergency measure still reaches the centre and is recorded; the team is not convened.
        var reported = await Csr.ReportEmergencyMeasureAsync(c, etag, "PS-HELD-1");
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var held = await Csr.WaitForPlanAsync(c.Id);
        Assert.Equal("awaiting-consent", held.GetProperty("state").GetString());
        Assert.Equal("refused", held.GetProperty("victimConsent").GetString());
        Assert.Equal(JsonValueKind.Null, held.GetProperty("teamId").ValueKind);
        Assert.Equal("PS-HELD-1", held.GetProperty("policeReportReference").GetString());
        Assert.Contains("removal-from-home", held.GetProperty("emergencyMeasures").EnumerateArray().Select(m => m.GetString()));
        Assert.True(Measure(held, "regular-contact").GetProperty("suspendedForConsent").GetBoolean());
        var notice = Assert.Single(await platform.Inbox.WaitForAsync(mailbox, m => m.Subject.Contains("not convened")), m => m.Subject.Contains("not convened"));
        Assert.Contains(c.Reference, notice.Subject);
        Assert.Contains("Art. 22", await platform.Inbox.PlainTextAsync(notice.Id));

        // A second police report is recorded on the waiting plan; the centre is not told again.
        var again = await Csr.ReportEmergencyMeasureAsync(c, RiskAssessmentApi.ETagOf(reported), "PS-HELD-2");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        await Csr.WaitForPlanAsync(c.Id, p => p.GetProperty("policeReportReference").GetString() == "PS-HELD-2");

        // Art. 22(1): her reasons assessed and support offered close the task.
        var followUp = await Csr.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/consents/{refusalId}/follow-up",
            new { recordedBy = "Test Professional", reasons = "She fears the perpetrator learns of the meeting.", psychosocialSupportOffered = true },
            RiskAssessmentApi.ETagOf(again));
        Assert.Equal(HttpStatusCode.OK, followUp.StatusCode);
        Assert.Empty((await Csr.ReadCaseAsync(c.Id)).Body.GetProperty("consent").GetProperty("pendingTasks").EnumerateArray());

        // Her later consent to the team convenes it, and every member and deputy is told.
        var given = await Csr.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/consents",
            RiskAssessmentApi.ConsentForm(["shelter", "legal-aid"], toTeamAndSafetyPlan: true), RiskAssessmentApi.ETagOf(followUp));
        Assert.Equal(HttpStatusCode.Created, given.StatusCode);
        var plan = await Csr.WaitForPlanAsync(c.Id, p => p.GetProperty("state").GetString() == "convened");
        Assert.Equal(teamId, plan.GetProperty("teamId").GetGuid());
        Assert.Equal("given", plan.GetProperty("victimConsent").GetString());
        Assert.False(Measure(plan, "regular-contact").GetProperty("suspendedForConsent").GetBoolean());
        Assert.Equal($"police Member {_centre}", Measure(plan, "enforce-emergency-measure").GetProperty("responsibleName").GetString());
        var told = Assert.Single(await convened.WaitForAsync(e => e.CaseId == c.Id));
        Assert.False(told.Reconvened);
        Assert.Equal(4, told.Recipients.Count);

        Assert.Single(await platform.Inbox.MessagesToAsync(mailbox), m => m.Subject.Contains("not convened"));
    }

    [Fact]
    public async Task A_case_closed_while_its_plan_waits_for_her_consent_leaves_nothing_running()
    {
        // Art. 21 last paragraph: no dead ends; a plan that never had a team cannot outlive its case.
        var (c, etag, _) = await RefusedTheTeamAsync();
        var reported = await Csr.ReportEmergencyMeasureAsync(c, etag, "PS-HELD-3");
        await Csr.WaitForPlanAsync(c.Id, p => p.GetProperty("state").GetString() == "awaiting-consent");

        var closed = await Csr.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/closure", new { reason = "She moved abroad with the children." },
            RiskAssessmentApi.ETagOf(reported));
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);

        var plan = await Csr.WaitForPlanAsync(c.Id, p => p.GetProperty("state").GetString() == "closed");
        Assert.NotEqual(JsonValueKind.Null, plan.GetProperty("closedAt").ValueKind);
        var clocks = await Csr.GetFromJsonAsync<JsonElement[]>($"/api/safety-plans/clocks?centre={_centre}");
        Assert.DoesNotContain(clocks!, k => k.GetProperty("caseReference").GetString() == c.Reference);
    }
}
