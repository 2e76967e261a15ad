using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Safeguard.Contracts.SafetyPlan;

namespace Safeguard.SafetyPlan.Tests;

/// <summary>
/// Adoption starts the monitoring clocks (Art. 15, 21); the tests move the service's clock to make each fall
/// due and overdue, and check each event arrives exactly once.
/// </summary>
[Collection(ServiceClockCollection.Name)]
public sealed class MonitoringClockTests(PlatformFixture platform)
{
    /// <summary>This test's centre (a new one per test) and its supervisor, who works its cases.</summary>
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    private const string Service = "/api/safety-plans";


    /// <summary>
    /// A child victim's plan (no consent needed, Art. 22) for a team with a centre and a police member; the
    /// supervisor takes the centre's member seat when <paramref name="takeCsrSeat"/>, to record as that member.
    /// </summary>
    private async Task<(JsonElement Plan, Guid CsrMember, string Centre)> ConvenedPlanAsync(bool takeCsrSeat = false)
    {
        var centre = _centre;
        var (teamId, _) = await Csr.CreateTeamAsync(centre, "csr", "police");
        if (takeCsrSeat)
        {
            await platform.AcceptSeatAsync(Csr, SafetyPlanApi.SeatEmail("csr", centre));
        }
        var c = await Csr.OpenCaseAsync(centre, category: "child");
        Assert.Equal(HttpStatusCode.Created, (await Csr.ReportEmergencyMeasureAsync(c, c.ETag)).StatusCode);
        var plan = await Csr.WaitForPlanAsync(c.Id);
        var team = await Csr.GetFromJsonAsync<JsonElement>($"{SafetyPlanApi.Teams}/{teamId}");
        var csr = team.GetProperty("institutions").EnumerateArray().Single(s => s.GetProperty("institution").GetString() == "csr");
        return (plan, csr.GetProperty("memberId").GetGuid(), centre);
    }

    private async Task<(JsonElement Plan, DateTimeOffset AdoptedAt)> AdoptAsync(JsonElement plan)
    {
        var id = plan.GetProperty("id").GetGuid();
        var current = await Csr.GetAsync($"{SafetyPlanApi.Plans}/{id}");
        var adoptedAt = await platform.Gateway.ServiceTimeAsync(Service);
        var adopted = await Csr.PostIfMatchAsync($"{SafetyPlanApi.Plans}/{id}/adoption", new { adoptedAt }, RiskAssessmentApi.ETagOf(current));
        Assert.Equal(HttpStatusCode.OK, adopted.StatusCode);
        return (await adopted.Content.ReadFromJsonAsync<JsonElement>(), adoptedAt);
    }

    [Fact]
    public async Task Adoption_tells_the_team_and_each_responsible_member_and_starts_the_clocks()
    {
        var broker = await platform.ConnectionStringAsync("messaging");
        await using var adoptedEvents = await TestBus.ListenAsync<SafetyPlanAdopted>(broker);
        await using var assigned = await TestBus.ListenAsync<MeasureAssigned>(broker);
        var (plan, _, centre) = await ConvenedPlanAsync();
        var planId = plan.GetProperty("id").GetGuid();

        var (adopted, adoptedAt) = await AdoptAsync(plan);

        Assert.Equal("adopted", adopted.GetProperty("state").GetString());
        Assert.Equal(adoptedAt.AddHours(12), SafetyPlanApi.Clock(adopted, "first-contact").GetProperty("deadlineAt").GetDateTimeOffset());
        Assert.Equal(adoptedAt.AddDays(7), SafetyPlanApi.Clock(adopted, "weekly-evaluation").GetProperty("deadlineAt").GetDateTimeOffset());
        Assert.Equal(2, adopted.GetProperty("clocks").EnumerateArray().Count(c => c.GetProperty("clock").GetString() == "daily-report"));
        var told = Assert.Single(await adoptedEvents.WaitForAsync(e => e.PlanId == planId));
        Assert.Equal(4, told.Recipients.Count);
        var measures = await assigned.WaitForAsync(e => e.PlanId == planId, count: 3);
        Assert.Contains(measures, m => m.MeasureCode == "enforce-emergency-measure" && m.Responsible.FullName == $"police Member {centre}");
    }

    [Fact]
    public async Task The_first_contact_falls_due_and_overdue_exactly_once_and_a_contact_restarts_the_48_hour_clock()
    {
        await using var alerts = await TestBus.ListenAsync<MonitoringClockAlert>(await platform.ConnectionStringAsync("messaging"));
        var (plan, _, centre) = await ConvenedPlanAsync(takeCsrSeat: true);
        var planId = plan.GetProperty("id").GetGuid();
        var (_, adoptedAt) = await AdoptAsync(plan);
        bool FirstContact(MonitoringClockAlert a, string stage) => a.PlanId == planId && a.Clock == "first-contact" && a.Stage == stage;

        // Art. 15: 12 hours. Reminded 4 hours before, overdue at 12.
        await platform.Gateway.AdvanceClockAsync(Service, TimeSpan.FromHours(9));
        await alerts.WaitForAsync(a => FirstContact(a, "due"));
        Assert.DoesNotContain(alerts.Received, a => FirstContact(a, "overdue"));
        await platform.Gateway.AdvanceClockAsync(Service, TimeSpan.FromHours(4));
        var overdue = Assert.Single(await alerts.WaitForAsync(a => FirstContact(a, "overdue")));
        Assert.Equal(adoptedAt.AddHours(12), overdue.DeadlineAt);
        var listed = await Csr.ListAsync($"{Service}/clocks?centre={centre}&status=overdue");
        Assert.Contains(listed, c => c.GetProperty("clock").GetString() == "first-contact");

        // The centre's member makes contact: the first-contact clock is satisfied, her 48-hour clock restarts (Art. 21).
        var contactAt = await platform.Gateway.ServiceTimeAsync(Service);
        var contact = await Csr.PostAsJsonAsync($"{SafetyPlanApi.Plans}/{planId}/contacts",
            new { at = contactAt, summary = "Visited; measures explained; no new incident." });
        Assert.Equal(HttpStatusCode.Created, contact.StatusCode);
        var read = await Csr.GetFromJsonAsync<JsonElement>($"{SafetyPlanApi.Plans}/{planId}");
        Assert.DoesNotContain(read.GetProperty("clocks").EnumerateArray(), c => c.GetProperty("clock").GetString() == "first-contact");
        Assert.Equal(contactAt.AddHours(48), SafetyPlanApi.Clock(read, "member-contact", $"csr Member {centre}").GetProperty("deadlineAt").GetDateTimeOffset());

        // Later scans raise nothing twice: the 48-hour reminder is the witness that scans ran meanwhile.
        await platform.Gateway.AdvanceClockAsync(Service, TimeSpan.FromHours(37));
        await alerts.WaitForAsync(a => a.PlanId == planId && a.Clock == "member-contact" && a.Stage == "due");
        Assert.Single(alerts.Received, a => FirstContact(a, "due"));
        Assert.Single(alerts.Received, a => FirstContact(a, "overdue"));
        // No alert of this plan, of any clock, was raised twice for the same deadline and stage.
        Assert.All(alerts.Received.Where(a => a.PlanId == planId).GroupBy(a => (a.Clock, a.Owner?.Email, a.DeadlineAt, a.Stage)),
            group => Assert.Single(group));
        var sheet = await Csr.ListAsync($"{SafetyPlanApi.Plans}/{planId}/monitoring");
        Assert.Equal("contact", Assert.Single(sheet).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Between_its_deadlines_a_plan_waits_for_its_next_one_alone_and_a_contact_brings_it_back_at_once()
    {
        var (plan, _, _) = await ConvenedPlanAsync(takeCsrSeat: true);
        var planId = plan.GetProperty("id").GetGuid();
        var (adopted, _) = await AdoptAsync(plan);

        // Issue 25 §6: a watcher round reads only the checks that came due. After its visit the plan has one,
        // at the soonest moment one of its clocks turns due or overdue, and nothing before it.
        await WaitForOneCheckAsync(planId, NextBoundary(adopted), "after adoption");

        var contact = await Csr.PostAsJsonAsync($"{SafetyPlanApi.Plans}/{planId}/contacts",
            new { at = await platform.Gateway.ServiceTimeAsync(Service), summary = "Visited; no new incident." });
        Assert.Equal(HttpStatusCode.Created, contact.StatusCode);
        var read = await Csr.GetFromJsonAsync<JsonElement>($"{SafetyPlanApi.Plans}/{planId}");
        Assert.NotEqual(NextBoundary(adopted), NextBoundary(read)); // the contact ended the first-contact clock
        await WaitForOneCheckAsync(planId, NextBoundary(read), "after the contact");
    }

    private static DateTimeOffset NextBoundary(JsonElement plan) => plan.GetProperty("clocks").EnumerateArray()
        .Select(c => c.GetProperty("status").GetString() switch
        {
            "pending" => c.GetProperty("dueFrom").GetDateTimeOffset(),
            "due" => c.GetProperty("deadlineAt").GetDateTimeOffset(),
            _ => DateTimeOffset.MaxValue,
        }).Min();

    private Task WaitForOneCheckAsync(Guid planId, DateTimeOffset at, string when) => platform.WaitForRowAsync("safety-plan-db",
        "SELECT 1 FROM deadline_checks WHERE watcher = 'safety-plans' AND record_id = @id HAVING count(*) = 1 AND min(check_at) = @at",
        $"the plan's only check is not at its next boundary {when}", ("id", planId), ("at", at.ToUniversalTime()));

    [Fact]
    public async Task The_weekly_evaluation_and_daily_reports_go_overdue_and_an_evaluation_restarts_the_week()
    {
        await using var alerts = await TestBus.ListenAsync<MonitoringClockAlert>(await platform.ConnectionStringAsync("messaging"));
        var (plan, _, _) = await ConvenedPlanAsync();
        var planId = plan.GetProperty("id").GetGuid();
        await AdoptAsync(plan);

        await platform.Gateway.AdvanceClockAsync(Service, TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await alerts.WaitForAsync(a => a.PlanId == planId && a.Clock == "weekly-evaluation" && a.Stage == "overdue");
        await alerts.WaitForAsync(a => a.PlanId == planId && a.Clock == "daily-report" && a.Stage == "overdue", count: 2);

        var evaluatedAt = await platform.Gateway.ServiceTimeAsync(Service);
        var evaluation = await Csr.PostAsJsonAsync($"{SafetyPlanApi.Plans}/{planId}/evaluations",
            new { at = evaluatedAt, summary = "Measures effective; risk persists; continue." });
        Assert.Equal(HttpStatusCode.Created, evaluation.StatusCode);
        var read = await Csr.GetFromJsonAsync<JsonElement>($"{SafetyPlanApi.Plans}/{planId}");
        Assert.Equal(evaluatedAt.AddDays(7), SafetyPlanApi.Clock(read, "weekly-evaluation").GetProperty("deadlineAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Invalid_adoptions_and_monitoring_entries_are_refused_naming_the_field()
    {
        var (plan, csrMember, _) = await ConvenedPlanAsync(takeCsrSeat: true);
        var planId = plan.GetProperty("id").GetGuid();
        var now = await platform.Gateway.AdvanceClockAsync(Service, TimeSpan.Zero);

        var contactBeforeAdoption = await Csr.PostAsJsonAsync($"{SafetyPlanApi.Plans}/{planId}/contacts",
            new { at = now, summary = "Too early." });
        var staleAdoption = await Csr.PostIfMatchAsync($"{SafetyPlanApi.Plans}/{planId}/adoption", new { adoptedAt = now }, "\"1\"");
        var futureAdoption = await Csr.PostIfMatchAsync($"{SafetyPlanApi.Plans}/{planId}/adoption",
            new { adoptedAt = now.AddDays(3) }, RiskAssessmentApi.ETagOf(await Csr.GetAsync($"{SafetyPlanApi.Plans}/{planId}")));
        await contactBeforeAdoption.AssertProblemAsync(HttpStatusCode.Conflict, "state");
        await staleAdoption.AssertProblemAsync(HttpStatusCode.PreconditionFailed, "If-Match");
        await futureAdoption.AssertProblemAsync(HttpStatusCode.BadRequest, "adoptedAt");

        // Issue 22 §4: a case worker of the centre reaches the plan but holds no seat, and naming the centre
        // member's seat in the body does not make her that member.
        await AdoptAsync(plan);
        var caseWorker = platform.As(Personas.CaseWorker(_centre));
        var inAnothersName = await caseWorker.PostAsJsonAsync($"{SafetyPlanApi.Plans}/{planId}/contacts",
            new { membershipId = csrMember, at = await platform.Gateway.ServiceTimeAsync(Service), summary = "In the centre member's name." });
        await inAnothersName.AssertProblemAsync(HttpStatusCode.Forbidden, "seat");
        Assert.Empty(await Csr.ListAsync($"{SafetyPlanApi.Plans}/{planId}/monitoring"));
    }

    [Fact]
    public async Task A_plan_without_a_team_cannot_be_adopted()
    {
        var c = await Csr.OpenCaseAsync(_centre);
        await Csr.ReportEmergencyMeasureAsync(c, c.ETag);
        var plan = await Csr.WaitForPlanAsync(c.Id);
        var id = plan.GetProperty("id").GetGuid();

        var response = await Csr.PostIfMatchAsync($"{SafetyPlanApi.Plans}/{id}/adoption",
            new { adoptedAt = await platform.Gateway.AdvanceClockAsync(Service, TimeSpan.Zero) },
            RiskAssessmentApi.ETagOf(await Csr.GetAsync($"{SafetyPlanApi.Plans}/{id}")));

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "teamId");
    }
}
