using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.SafetyPlan.Tests;

/// <summary>A centre's multisectoral team (Annex 4): a member and a deputy per institution, and every change in the history.</summary>
public sealed class TeamTests(PlatformFixture platform)
{
    /// <summary>This test's centre (a new one per test) and its supervisor, who works its cases.</summary>
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    [Fact]
    public async Task A_team_lists_member_and_deputy_per_institution_with_Annex_4_contacts()
    {
        var centre = _centre;
        var (id, _) = await Csr.CreateTeamAsync(centre, "csr", "police", "health");

        var team = await Csr.GetFromJsonAsync<JsonElement>($"{SafetyPlanApi.Teams}/{id}");
        var listed = await Csr.ListAsync($"{SafetyPlanApi.Teams}?centre={centre}");

        var seats = team.GetProperty("institutions").EnumerateArray().ToList();
        Assert.Equal(["csr", "police", "health"], seats.Select(s => s.GetProperty("institution").GetString()));
        var police = seats[1];
        Assert.Equal($"police Member {centre}", police.GetProperty("member").GetProperty("fullName").GetString());
        Assert.Equal("+389 70 200 200", police.GetProperty("member").GetProperty("outOfHoursContact").GetString());
        Assert.Equal("mk", police.GetProperty("deputy").GetProperty("preferredLanguage").GetString());
        Assert.Equal(id, Assert.Single(listed).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Replacing_a_member_keeps_the_old_one_in_the_history()
    {
        var (id, etag) = await Csr.CreateTeamAsync(_centre, "police");

        var replaced = await Csr.PutIfMatchAsync($"{SafetyPlanApi.Teams}/{id}/institutions/police", new
        {
            institutionName = "Police station Centar",
            member = SafetyPlanApi.Contact("New Officer"),
        }, etag);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);

        var history = await Csr.ListAsync($"{SafetyPlanApi.Teams}/{id}/history");
        Assert.Equal(3, history.Length);
        Assert.All(history.Take(2), old => Assert.NotEqual(JsonValueKind.Null, old.GetProperty("validTo").ValueKind));
        Assert.Equal("New Officer", history[2].GetProperty("person").GetProperty("fullName").GetString());
        Assert.Equal(JsonValueKind.Null, history[2].GetProperty("validTo").ValueKind);
        var seat = Assert.Single((await replaced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("institutions").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, seat.GetProperty("deputy").ValueKind);
    }

    [Fact]
    public async Task Invalid_contacts_unknown_institutions_and_stale_versions_are_refused()
    {
        var (id, etag) = await Csr.CreateTeamAsync(_centre, "school");
        var path = $"{SafetyPlanApi.Teams}/{id}/institutions";

        var badContact = await Csr.PutIfMatchAsync($"{path}/health", new
        {
            institutionName = "Health centre",
            member = new { fullName = "Dr Test", email = "not-an-address", preferredLanguage = "de" },
        }, etag);
        var unknownInstitution = await Csr.PutIfMatchAsync($"{path}/army", new
        {
            institutionName = "Barracks", member = SafetyPlanApi.Contact("Somebody"),
        }, etag);
        var stale = await Csr.PutIfMatchAsync($"{path}/health", new
        {
            institutionName = "Health centre", member = SafetyPlanApi.Contact("Dr Test"),
        }, "\"1\"");

        await badContact.AssertProblemAsync(HttpStatusCode.BadRequest, "member.email", "member.preferredLanguage");
        await unknownInstitution.AssertProblemAsync(HttpStatusCode.BadRequest, "institution");
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed, "If-Match");
        Assert.Equal(2, (await Csr.ListAsync($"{SafetyPlanApi.Teams}/{id}/history")).Length);
    }
}
