using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.SafetyPlan.Tests;

/// <summary>
/// Issue 22 §4: a team seat (Annex 4) is held by the account that accepted the code e-mailed to its address; an
/// e-mail claim in a token reaches nothing, and what a member records is credited to her own seat.
/// </summary>
public sealed class SeatTests(PlatformFixture platform)
{
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    private static TokenSubject Police(string subject, string email) => new(subject, [PlatformRoles.TeamMember], "MVR-SK", "police", email);

    [Fact]
    public async Task A_seat_is_held_by_the_account_that_accepts_its_emailed_code_never_by_an_email_claim()
    {
        var (teamId, etag) = await Csr.CreateTeamAsync(_centre, "csr", "police");
        var c = await Csr.OpenCaseAsync(_centre, category: "child");
        Assert.Equal(HttpStatusCode.Created, (await Csr.ReportEmergencyMeasureAsync(c, c.ETag)).StatusCode);
        var plan = await Csr.WaitForPlanAsync(c.Id);
        var planPath = $"{SafetyPlanApi.Plans}/{plan.GetProperty("id").GetGuid()}";
        var adopted = await Csr.PostIfMatchAsync($"{planPath}/adoption", new { adoptedAt = await platform.Gateway.ServiceTimeAsync("/api/safety-plans") },
            RiskAssessmentApi.ETagOf(await Csr.GetAsync(planPath)));
        Assert.Equal(HttpStatusCode.OK, adopted.StatusCode);
        var address = SafetyPlanApi.SeatEmail("police", _centre);

        // The invitation reaches the seat's address in the person's language, the deputy's in Macedonian.
        var invitation = Assert.Single(await platform.Inbox.WaitForAsync(address, e => e.Subject.StartsWith("Safeguard:", StringComparison.Ordinal)),
            e => e.Subject.StartsWith("Safeguard:", StringComparison.Ordinal));
        Assert.Equal($"Safeguard: your seat on the team \"Multisectoral team {_centre}\"", invitation.Subject);
        var code = await platform.Inbox.InvitationCodeAsync(address);
        Assert.Contains(code, await platform.Inbox.PlainTextAsync(invitation.Id));
        await platform.Inbox.WaitForAsync(SafetyPlanApi.SeatEmail("police", _centre, "deputy"), e => e.Subject.Contains("местото во тимот"));

        // Someone who sets his token's e-mail to the roster address gains nothing.
        var impostor = platform.As(Police($"impostor-{_centre}", address));
        await (await impostor.GetAsync(planPath)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await impostor.ListAsync(SafetyPlanApi.Plans));
        await (await impostor.GetAsync($"{SafetyPlanApi.Teams}/{teamId}")).AssertProblemAsync(HttpStatusCode.NotFound);

        // Only an account of a police institution may take the police seat.
        var nurse = platform.As(Personas.TeamMember($"nurse.{_centre.ToLowerInvariant()}@health.test", "health", "ZD-SK"));
        await (await nurse.PostAsJsonAsync(SafetyPlanApi.SeatAcceptance, new { code })).AssertProblemAsync(HttpStatusCode.Forbidden, "code");

        // The officer takes it with the code, whatever address her own token names; the code works once.
        var officer = platform.As(Police($"officer-{_centre}", "d.petrova@police.test"));
        var accepted = await officer.PostAsJsonAsync(SafetyPlanApi.SeatAcceptance, new { code = code.ToLowerInvariant().Replace("-", " ") });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(teamId, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("teamId").GetGuid());
        await (await impostor.PostAsJsonAsync(SafetyPlanApi.SeatAcceptance, new { code })).AssertProblemAsync(HttpStatusCode.BadRequest, "code");
        await (await impostor.GetAsync(planPath)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(planPath)).StatusCode);
        var holder = await platform.QueryAsync("safety-plan-db",
            "SELECT account_subject, invitation_hash IS NULL FROM team_memberships WHERE team_id = @t AND person->>'email' = @a AND valid_to IS NULL",
            ("t", teamId), ("a", address));
        Assert.Equal($"officer-{_centre}", Assert.Single(holder)[0]);
        Assert.Equal(true, holder[0][1]);

        // One person, one seat: the deputy's code does not give her a second one.
        var deputyCode = await platform.Inbox.InvitationCodeAsync(SafetyPlanApi.SeatEmail("police", _centre, "deputy"));
        await (await officer.PostAsJsonAsync(SafetyPlanApi.SeatAcceptance, new { code = deputyCode })).AssertProblemAsync(HttpStatusCode.Conflict, "code");

        // What she records is hers: the seat her account holds, whatever the body names.
        var csrSeat = (await Csr.GetFromJsonAsync<JsonElement>($"{SafetyPlanApi.Teams}/{teamId}")).GetProperty("institutions").EnumerateArray()
            .Single(s => s.GetProperty("institution").GetString() == "csr").GetProperty("memberId").GetGuid();
        var contact = await officer.PostAsJsonAsync($"{planPath}/contacts",
            new { membershipId = csrSeat, at = await platform.Gateway.ServiceTimeAsync("/api/safety-plans"), summary = "Patrol called at the address." });
        Assert.Equal(HttpStatusCode.Created, contact.StatusCode);
        Assert.Equal($"police Member {_centre}", (await contact.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("member").GetString());

        // A new deputy: the member, seated again at the same address, keeps her seat and gets no new code.
        var reseated = await Csr.PutIfMatchAsync($"{SafetyPlanApi.Teams}/{teamId}/institutions/police", new
        {
            institutionName = $"police {_centre}",
            member = SafetyPlanApi.Contact($"police Member {_centre}"),
            deputy = SafetyPlanApi.Contact($"police Second Deputy {_centre}", "sq"),
        }, etag);
        Assert.Equal(HttpStatusCode.OK, reseated.StatusCode);
        await platform.Inbox.InvitationCodeAsync($"police.second.deputy.{_centre.ToLowerInvariant()}@institution.test");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(planPath)).StatusCode);
        Assert.Single(await platform.Inbox.MessagesToAsync(address), e => e.Subject.StartsWith("Safeguard:", StringComparison.Ordinal));

        // The police leave the team: the officer loses the plan at once.
        var left = await Csr.DeleteIfMatchAsync($"{SafetyPlanApi.Teams}/{teamId}/institutions/police", RiskAssessmentApi.ETagOf(reseated));
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        await (await officer.GetAsync(planPath)).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
