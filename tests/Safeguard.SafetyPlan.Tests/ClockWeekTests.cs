using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Safeguard.Contracts.SafetyPlan;

namespace Safeguard.SafetyPlan.Tests;

/// <summary>
/// A week of an adopted plan in 3-hour steps (shorter than every "due" window, so no stage is skipped): each
/// clock of Art. 15 and 21 falls due and then overdue, and each alert is raised exactly once.
/// </summary>
[Collection(ServiceClockCollection.Name)]
public sealed class ClockWeekTests(PlatformFixture platform)
{
    /// <summary>This test's centre (a new one per test) and its supervisor, who works its cases.</summary>
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    private const string Service = "/api/safety-plans";
    private static readonly TimeSpan Step = TimeSpan.FromHours(3);

    [Fact]
    public async Task Every_clock_falls_due_and_overdue_exactly_once_over_a_week()
    {
        await using var alerts = await TestBus.ListenAsync<MonitoringClockAlert>(await platform.ConnectionStringAsync("messaging"));
        var centre = _centre;
        await Csr.CreateTeamAsync(centre, "csr", "police");
        var c = await Csr.OpenCaseAsync(centre, category: "child");
        await Csr.ReportEmergencyMeasureAsync(c, c.ETag);
        var planId = (await Csr.WaitForPlanAsync(c.Id)).GetProperty("id").GetGuid();
        var adoptedAt = await platform.Gateway.ServiceTimeAsync(Service);
        var etag = RiskAssessmentApi.ETagOf(await Csr.GetAsync($"{SafetyPlanApi.Plans}/{planId}"));
        Assert.Equal(HttpStatusCode.OK, (await Csr.PostIfMatchAsync($"{SafetyPlanApi.Plans}/{planId}/adoption", new { adoptedAt }, etag)).StatusCode);

        for (var step = 1; step <= 58; step++)
        {
            var at = await platform.Gateway.AdvanceClockAsync(Service, Step);
            if (step == 2)
            {
                // New risk from the victim: the team must reconvene at once (Art. 21).
                var alert = await Csr.PostAsJsonAsync($"{SafetyPlanApi.Plans}/{planId}/risk-alerts",
                    new { reportedBy = "victim", at = at.AddMinutes(-1), summary = "He called her again." });
                Assert.Equal(HttpStatusCode.Created, alert.StatusCode);
            }
            var plan = await Csr.GetFromJsonAsync<JsonElement>($"{SafetyPlanApi.Plans}/{planId}");
            foreach (var clock in plan.GetProperty("clocks").EnumerateArray().Where(k => k.GetProperty("status").GetString() != "pending"))
            {
                var kind = clock.GetProperty("clock").GetString()!;
                var stage = clock.GetProperty("status").GetString()!;
                var deadline = clock.GetProperty("deadlineAt").GetDateTimeOffset();
                await alerts.WaitForAsync(a => a.PlanId == planId && a.Clock == kind && a.Stage == stage
                    && Math.Abs((a.DeadlineAt - deadline).TotalMilliseconds) < 1, timeout: TimeSpan.FromSeconds(30));
            }
        }

        var raised = alerts.Received.Where(a => a.PlanId == planId).ToList();
        foreach (var clock in new[] { "first-contact", "member-contact", "daily-report", "weekly-evaluation", "reconvene" })
        {
            Assert.Contains(raised, a => a.Clock == clock && a.Stage == "due");
            Assert.Contains(raised, a => a.Clock == clock && a.Stage == "overdue");
        }
        Assert.All(raised.GroupBy(a => (a.Clock, a.Owner?.Email, a.DeadlineAt, a.Stage)), group => Assert.Single(group));
        Assert.Equal($"csr Member {centre}", raised.First(a => a.Clock == "member-contact").Owner!.FullName);
    }
}
