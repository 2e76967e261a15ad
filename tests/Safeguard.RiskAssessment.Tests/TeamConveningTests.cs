using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Safeguard.Contracts.RiskAssessment;

namespace Safeguard.RiskAssessment.Tests;

/// <summary>
/// When the multisectoral team must be convened (Art. 17, 19), the event reaches RabbitMQ with what the
/// team needs and never with the victim's identity.
/// </summary>
public sealed class TeamConveningTests(PlatformFixture platform)
{
    /// <summary>This test's centre (a new one per test) and its supervisor, who works its cases.</summary>
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    private async Task<BusListener<TeamConveningRequired>> ListenAsync() =>
        await TestBus.ListenAsync<TeamConveningRequired>(await platform.ConnectionStringAsync("messaging"));

    [Fact]
    public async Task A_case_goes_from_report_to_team_convened()
    {
        await using var convened = await ListenAsync();
        const string victimName = "Zorica Testovska-Distinctiva";
        var c = await Csr.OpenCaseAsync(_centre, victimName: victimName,
            household: [new { fullName = "Mila Testovska", relation = "daughter", isChild = true }]);

        // Annex 2: informed of every right and measure; consents to two measures and to the team.
        var consent = await Csr.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/consents",
            RiskAssessmentApi.ConsentForm(["shelter", "legal-aid"]), c.ETag);
        Assert.Equal(HttpStatusCode.Created, consent.StatusCode);

        var answers = (await Answers.AllClearAsync(Csr, childrenInFamily: true)).Yes("1.27", "5.1");
        var assessed = await Csr.SubmitAssessmentAsync(c,
            RiskAssessmentApi.Assessment(answers.Build(), childrenInFamily: true), RiskAssessmentApi.ETagOf(consent));
        Assert.Equal(HttpStatusCode.Created, assessed.StatusCode);

        var evt = Assert.Single(await convened.WaitForAsync(e => e.CaseId == c.Id));
        Assert.Equal(c.Reference, evt.CaseReference);
        Assert.Equal(["high-risk"], evt.Reasons);
        Assert.Equal("high", evt.RiskLevel);
        Assert.Contains("attempted-strangulation", evt.RedFlags);
        Assert.True(evt.ChildrenAtRisk);
        Assert.Equal("given", evt.VictimConsent);
        Assert.DoesNotContain("Testovska", JsonSerializer.Serialize(evt));

        var read = await Csr.ReadCaseAsync(c.Id);
        Assert.Equal("team-convened", read.Body.GetProperty("state").GetString());
        Assert.Equal("high", read.Body.GetProperty("riskLevel").GetString());
        Assert.Equal("given", read.Body.GetProperty("consent").GetProperty("status").GetString());
        Assert.Equal(victimName, read.Body.GetProperty("victim").GetProperty("fullName").GetString());
    }

    [Fact]
    public async Task The_professional_answering_5_4_yes_convenes_the_team_at_any_level()
    {
        await using var convened = await ListenAsync();
        var c = await Csr.OpenCaseAsync(_centre);

        var assessed = await Csr.SubmitAssessmentAsync(c,
            RiskAssessmentApi.Assessment((await Answers.AllClearAsync(Csr)).Yes("5.4").Build()));
        Assert.Equal(HttpStatusCode.Created, assessed.StatusCode);

        var evt = Assert.Single(await convened.WaitForAsync(e => e.CaseId == c.Id));
        Assert.Equal(["professional-judgement"], evt.Reasons);
        Assert.Equal("standard", evt.RiskLevel);
        Assert.Equal("not-asked", evt.VictimConsent);
    }

    [Fact]
    public async Task A_standard_assessment_convenes_nobody()
    {
        var c = await Csr.OpenCaseAsync(_centre);

        await Csr.SubmitAssessmentAsync(c, RiskAssessmentApi.Assessment((await Answers.AllClearAsync(Csr)).Build()));

        var read = await Csr.ReadCaseAsync(c.Id);
        Assert.Equal("assessed", read.Body.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, read.Body.GetProperty("teamConveningRequestedAt").ValueKind);
    }

    [Fact]
    public async Task A_police_proposal_to_remove_him_from_the_home_convenes_the_team_before_any_assessment()
    {
        await using var convened = await ListenAsync();
        var c = await Csr.OpenCaseAsync(_centre, victimName: "Child Victim Testname", category: "child");

        var report = await Csr.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/police-reports", new
        {
            reportReference = "PS-2026/1234",
            policeStation = "Police station Centar",
            reportedAt = DateTimeOffset.UtcNow,
            emergencyMeasureProposed = true,
            proposedMeasures = new[] { "removal-from-home", "ban-on-approaching-home" },
            measuresTaken = "Perpetrator detained for 24 hours.",
        }, c.ETag);
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);

        var evt = Assert.Single(await convened.WaitForAsync(e => e.CaseId == c.Id));
        Assert.Equal(["police-emergency-measure"], evt.Reasons);
        Assert.Null(evt.RiskLevel);
        Assert.Equal("PS-2026/1234", evt.PoliceReportReference);
        Assert.Equal(["removal-from-home", "ban-on-approaching-home"], evt.EmergencyMeasures);
        // Art. 22(2): a child is protected without consent.
        Assert.Equal("not-required", evt.VictimConsent);
        Assert.Single(await Csr.ListAsync($"{RiskAssessmentApi.Cases}/{c.Id}/police-reports"));
    }
}
