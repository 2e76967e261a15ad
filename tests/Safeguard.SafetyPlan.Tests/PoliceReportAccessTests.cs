using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.SafetyPlan.Tests;

/// <summary>
/// Art. 19: the police report and the measures the police took and planned feed the safety plan, so the team
/// drawing it up reads them: the accounts holding its seats now, and a member who leaves the team loses them.
/// </summary>
public sealed class PoliceReportAccessTests(PlatformFixture platform)
{
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    private HttpClient Member(string institution, string centre) =>
        platform.As(Personas.TeamMember(SafetyPlanApi.SeatEmail(institution, centre), institution, $"{institution} {centre}"));

    private static async Task<HttpStatusCode> WaitForStatusAsync(HttpClient client, string path, HttpStatusCode wanted)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = (await client.GetAsync(path)).StatusCode;
            if (status == wanted || DateTimeOffset.UtcNow > deadline)
            {
                return status;
            }
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task The_members_of_the_plans_team_read_its_police_report_with_the_measures_taken_and_planned_until_they_leave()
    {
        var (teamId, etag) = await Csr.CreateTeamAsync(_centre, "csr", "police", "school");
        var c = await Csr.OpenCaseAsync(_centre);
        var reported = await Csr.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/police-reports", new
        {
            reportReference = "PS-2026/91", policeStation = "Police station Centar", reportedAt = DateTimeOffset.UtcNow,
            emergencyMeasureProposed = true, proposedMeasures = new[] { "removal-from-home" },
            measuresTaken = "Perpetrator removed from the flat; keys taken.", measuresPlanned = "Patrol past the address twice a night for two weeks.",
        }, c.ETag);
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        await Csr.WaitForPlanAsync(c.Id);
        var reports = $"{RiskAssessmentApi.Cases}/{c.Id}/police-reports";

        var school = Member("school", _centre);
        await platform.AcceptSeatAsync(school, SafetyPlanApi.SeatEmail("school", _centre));
        Assert.Equal(HttpStatusCode.OK, await WaitForStatusAsync(school, reports, HttpStatusCode.OK));
        var report = Assert.Single((await school.GetFromJsonAsync<JsonElement[]>(reports))!);
        Assert.Equal("Perpetrator removed from the flat; keys taken.", report.GetProperty("measuresTaken").GetString());
        Assert.Equal("Patrol past the address twice a night for two weeks.", report.GetProperty("measuresPlanned").GetString());

        // A member of another centre's team reads nothing of it (a record not hers to see is "not found"), nor does a
        // member reach the rest of the case.
        var stranger = Names.CentreCode();
        await platform.As(Personas.Supervisor(stranger)).CreateTeamAsync(stranger, "school");
        await (await Member("school", stranger).GetAsync(reports)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.NotEqual(HttpStatusCode.OK, (await school.GetAsync($"{RiskAssessmentApi.Cases}/{c.Id}")).StatusCode);

        // The school leaves the team: its member loses the report.
        var left = await Csr.DeleteIfMatchAsync($"{SafetyPlanApi.Teams}/{teamId}/institutions/school", etag);
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await WaitForStatusAsync(school, reports, HttpStatusCode.NotFound));
    }
}
