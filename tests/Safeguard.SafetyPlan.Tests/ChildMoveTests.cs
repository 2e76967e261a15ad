using System.Net;
using System.Text.Json;

namespace Safeguard.SafetyPlan.Tests;

/// <summary>Art. 28: help with the child's schooling is due again whenever she changes her residence or stay.</summary>
public sealed class ChildMoveTests(PlatformFixture platform)
{
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    private static JsonElement Measure(JsonElement plan, string code) =>
        plan.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("code").GetString() == code);

    [Fact]
    public async Task A_move_makes_the_school_notice_and_the_schooling_help_due_again()
    {
        await Csr.CreateTeamAsync(_centre, "csr", "school");
        var c = await Csr.OpenCaseAsync(_centre, category: "child");
        var answers = (await Answers.AllClearAsync(Csr, childrenInFamily: true)).Yes("1.14", "5.1");
        Assert.Equal(HttpStatusCode.Created, (await Csr.SubmitAssessmentAsync(c, RiskAssessmentApi.Assessment(answers.Build(), childrenInFamily: true))).StatusCode);
        var plan = await Csr.WaitForPlanAsync(c.Id);
        var planId = plan.GetProperty("id").GetGuid();
        var read = await Csr.GetAsync($"{SafetyPlanApi.Plans}/{planId}");
        var movedAt = await platform.Gateway.ServiceTimeAsync("/api/safety-plans");

        var moved = await Csr.PostIfMatchAsync($"{SafetyPlanApi.Plans}/{planId}/moves", new { movedAt }, RiskAssessmentApi.ETagOf(read));

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var revised = JsonDocument.Parse(await moved.Content.ReadAsStringAsync()).RootElement;
        var notice = Measure(revised, "notify-school");
        Assert.Equal("planned", notice.GetProperty("status").GetString());
        Assert.Equal(movedAt, notice.GetProperty("dueAgainSince").GetDateTimeOffset());
        var help = Measure(revised, "child-schooling");
        Assert.Equal("Art. 28", help.GetProperty("article").GetString());
        Assert.Equal($"school Member {_centre}", help.GetProperty("responsibleName").GetString());

        // Stale ETag: the move is not recorded twice by a double click.
        var again = await Csr.PostIfMatchAsync($"{SafetyPlanApi.Plans}/{planId}/moves", new { movedAt }, RiskAssessmentApi.ETagOf(read));
        Assert.Equal(HttpStatusCode.PreconditionFailed, again.StatusCode);
    }

    [Fact]
    public async Task A_plan_without_children_at_risk_refuses_a_move_naming_the_field()
    {
        await Csr.CreateTeamAsync(_centre, "csr");
        var c = await Csr.OpenCaseAsync(_centre);
        await Csr.ReportEmergencyMeasureAsync(c, c.ETag);
        var planId = (await Csr.WaitForPlanAsync(c.Id)).GetProperty("id").GetGuid();
        var read = await Csr.GetAsync($"{SafetyPlanApi.Plans}/{planId}");

        var moved = await Csr.PostIfMatchAsync($"{SafetyPlanApi.Plans}/{planId}/moves",
            new { movedAt = await platform.Gateway.ServiceTimeAsync("/api/safety-plans") }, RiskAssessmentApi.ETagOf(read));

        await moved.AssertProblemAsync(HttpStatusCode.Conflict, "childrenAtRisk");
    }
}
