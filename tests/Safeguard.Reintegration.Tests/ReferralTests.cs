using Safeguard.ServiceDefaults.Security;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Safeguard.Contracts.Reintegration;

namespace Safeguard.Reintegration.Tests;

/// <summary>Referrals (004 §2.3, 4.x): their life from sent to done or revoked, and consent to share a person's data.</summary>
public sealed class ReferralTests(PlatformFixture platform)
{
    private const string Service = ReintegrationApi.Prefix;

    /// <summary>A returned household with its needs assessed (housing; schooling for the child) and a plan for both.</summary>
    private async Task<(ReintegrationCase Case, string ETag, JsonElement Plan, HttpClient Officer)> PlannedCaseAsync()
    {
        var municipality = Names.CentreCode();
        var gateway = platform.As(Personas.ReintegrationOfficer(municipality));
        var now = await gateway.ServiceTimeAsync(Service);
        var c = await gateway.RegisterReturnAsync(municipality, now.AddHours(-30));
        var etag = await gateway.AssessNeedsAsync(c, c.ETag, ReintegrationApi.NeedsForm(now.AddHours(-2), ("housing", null), ("education-and-language", c.Member(1))));
        var (plan, planTag) = await gateway.AdoptPlanAsync(c, etag, now.AddHours(-1), ("rent-subsidy", null), ("school-enrolment", c.Member(1)));
        return (c, planTag, plan, gateway);
    }

    [Fact]
    public async Task A_referral_goes_from_sent_through_accepted_and_in_progress_to_done_each_step_recorded_and_the_contact_emailed()
    {
        await using var sentEvents = await TestBus.ListenAsync<ReferralSent>(await platform.ConnectionStringAsync("messaging"));
        var (c, etag, plan, gateway) = await PlannedCaseAsync();
        var child = c.Member(1);
        var item = plan.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("package").GetString() == "school-enrolment");
        var now = await gateway.ServiceTimeAsync(Service);
        etag = await gateway.ConsentAsync(c, etag, child, now, guardian: true, "education-directorate");
        var contact = $"enrolment.{c.Reference.ToLowerInvariant().Replace('/', '-')}@odo.test";
        // The professional the referral names answers it (004 §2.3).
        var recipient = platform.As(Personas.TeamMember(contact, "school", "ODO-DRAGASH"));

        var sent = await gateway.PostAsJsonAsync(ReintegrationApi.Referrals + "/",
            ReintegrationApi.Referral(c.Id, "school-enrolment", [child], contact, item.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var referral = await sent.Content.ReadFromJsonAsync<JsonElement>();
        var id = referral.GetProperty("id").GetGuid();
        Assert.Equal($"{c.Reference}/01", referral.GetProperty("reference").GetString());
        Assert.Equal("education-directorate", referral.GetProperty("recipient").GetProperty("institution").GetString());
        Assert.Equal(["accepted", "rejected", "revoked"], referral.GetProperty("nextStatuses").EnumerateArray().Select(s => s.GetString()));

        // Notification tells the receiving institution's contact, in her language, without the child's name.
        var told = Assert.Single(await sentEvents.WaitForAsync(e => e.ReferralId == id));
        Assert.Equal("school-enrolment", told.Service);
        // Matched by subject: a test moving the clock meanwhile may add the unanswered referral's reminder.
        bool IsSent(ReceivedEmail e) => e.Subject == $"Referimi {c.Reference}/01: school-enrolment";
        var toContact = await platform.Inbox.WaitForAsync(contact, IsSent);
        Assert.Single(toContact, IsSent);
        var email = toContact.First(IsSent);
        var text = await platform.Inbox.PlainTextAsync(email.Id);
        Assert.DoesNotContain("Berisha", text);

        // Issue 22 §4: the address in her token is not the referral; her account reaches it once it took it with the e-mailed code.
        await (await recipient.GetAsync($"{ReintegrationApi.Referrals}/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Matches(@"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", text);
        await platform.ClaimReferralAsync(recipient, contact, $"{c.Reference}/01");
        Assert.Contains(await recipient.ListAsync($"{ReintegrationApi.Referrals}?status=sent"), r => r.GetProperty("id").GetGuid() == id);
        var impostor = platform.As(new TokenSubject($"impostor-{id:N}", [PlatformRoles.TeamMember], "ODO-DRAGASH", "school", contact));
        await (await impostor.GetAsync($"{ReintegrationApi.Referrals}/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);

        var tag = RiskAssessmentApi.ETagOf(sent);
        foreach (var (to, outcome) in new[] { ("accepted", (string?)null), ("in-progress", null), ("done", "Enrolled in grade 4 at the Dragash primary school.") })
        {
            var moved = await recipient.MoveReferralAsync(id, tag, to, outcome: outcome);
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            tag = RiskAssessmentApi.ETagOf(moved);
        }

        var done = await gateway.GetFromJsonAsync<JsonElement>($"{ReintegrationApi.Referrals}/{id}");
        Assert.Equal("done", done.GetProperty("status").GetString());
        Assert.Equal("Enrolled in grade 4 at the Dragash primary school.", done.GetProperty("outcome").GetString());
        Assert.Equal(["sent", "accepted", "in-progress", "done"], done.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
        Assert.Empty(done.GetProperty("nextStatuses").EnumerateArray());
        // The plan item the referral carried out is done too.
        var after = await gateway.GetFromJsonAsync<JsonElement>($"{ReintegrationApi.Cases}/{c.Id}/plan");
        Assert.Equal("done", after.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == item.GetProperty("id").GetGuid())
            .GetProperty("status").GetString());

        // The receiving institution's work list finds it; another institution's does not.
        var theirs = await gateway.GetFromJsonAsync<JsonElement[]>($"{ReintegrationApi.Referrals}?institution=education-directorate&caseId={c.Id}");
        Assert.NotNull(theirs);
        Assert.Equal([id], theirs.Select(r => r.GetProperty("id").GetGuid()));
        Assert.Equal(4, theirs[0].GetProperty("history").GetArrayLength());
        Assert.Empty((await gateway.GetFromJsonAsync<JsonElement[]>($"{ReintegrationApi.Referrals}?institution=housing-office&caseId={c.Id}"))!);

        // An ended referral moves no further; nothing changes.
        var again = await recipient.MoveReferralAsync(id, tag, "accepted");
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "to");
        var rows = await platform.QueryAsync("reintegration-db", "SELECT count(*) FROM referral_changes WHERE referral_id = @id", ("id", id));
        Assert.Equal(4L, rows[0][0]);
    }

    [Fact]
    public async Task Illegal_transitions_are_refused_and_a_revoked_referral_tells_the_contact_to_stop()
    {
        var (c, etag, _, gateway) = await PlannedCaseAsync();
        var mother = c.Member(0);
        var now = await gateway.ServiceTimeAsync(Service);
        etag = await gateway.ConsentAsync(c, etag, mother, now, guardian: false, "housing-office", "employment-office");
        var contact = $"housing.{c.Reference.ToLowerInvariant().Replace('/', '-')}@municipality.test";
        var recipient = platform.As(Personas.TeamMember(contact, "housing-office", "HOUSING"));
        var sent = await gateway.PostAsJsonAsync(ReintegrationApi.Referrals + "/", ReintegrationApi.Referral(c.Id, "rent-subsidy", [mother], contact));
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var id = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var tag = RiskAssessmentApi.ETagOf(sent);
        await platform.ClaimReferralAsync(recipient, contact, $"{c.Reference}/01");

        // sent → done skips acceptance and the work: refused, naming the field.
        var skipped = await recipient.MoveReferralAsync(id, tag, "done", outcome: "Paid.");
        var problem = await skipped.AssertProblemAsync(HttpStatusCode.Conflict, "to");
        Assert.Contains("accepted or rejected or revoked", problem.GetProperty("title").GetString());
        // Rejecting needs a reason; a stale ETag is refused.
        await (await recipient.MoveReferralAsync(id, tag, "rejected")).AssertProblemAsync(HttpStatusCode.BadRequest, "note");
        await (await recipient.MoveReferralAsync(id, "\"1\"", "accepted")).AssertProblemAsync(HttpStatusCode.PreconditionFailed, "If-Match");
        // Only the named recipient answers; only the municipality revokes.
        await (await gateway.MoveReferralAsync(id, tag, "accepted")).AssertProblemAsync(HttpStatusCode.Forbidden, "to");
        await (await recipient.MoveReferralAsync(id, tag, "revoked", note: "Not mine to revoke.")).AssertProblemAsync(HttpStatusCode.Forbidden, "to");
        Assert.Equal("sent", (await gateway.GetFromJsonAsync<JsonElement>($"{ReintegrationApi.Referrals}/{id}")).GetProperty("status").GetString());

        var revoked = await gateway.MoveReferralAsync(id, tag, "revoked", note: "The family moved to another municipality.");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        await platform.Inbox.WaitForAsync(contact, e => e.Subject == $"Referimi {c.Reference}/01 u tërhoq");

        // A second referral of the same case gets the next number; rejected is an end too.
        var second = await gateway.PostAsJsonAsync(ReintegrationApi.Referrals + "/", ReintegrationApi.Referral(c.Id, "rent-subsidy", [mother], contact));
        var secondBody = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"{c.Reference}/02", secondBody.GetProperty("reference").GetString());
        await platform.ClaimReferralAsync(recipient, contact, $"{c.Reference}/02");
        var rejected = await recipient.MoveReferralAsync(secondBody.GetProperty("id").GetGuid(), RiskAssessmentApi.ETagOf(second), "rejected", note: "No flats left this year.");
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        await (await recipient.MoveReferralAsync(secondBody.GetProperty("id").GetGuid(), RiskAssessmentApi.ETagOf(rejected), "in-progress"))
            .AssertProblemAsync(HttpStatusCode.Conflict, "to");
    }

    [Fact]
    public async Task Sharing_a_persons_data_without_her_consent_is_refused_and_nothing_is_sent()
    {
        var (c, etag, _, gateway) = await PlannedCaseAsync();
        var (mother, child) = (c.Member(0), c.Member(1));
        var now = await gateway.ServiceTimeAsync(Service);
        var contact = $"nobody.{c.Reference.ToLowerInvariant().Replace('/', '-')}@institution.test";

        // No consent at all.
        var refused = await gateway.PostAsJsonAsync(ReintegrationApi.Referrals + "/", ReintegrationApi.Referral(c.Id, "rent-subsidy", [mother], contact));
        await refused.AssertProblemAsync(HttpStatusCode.Conflict, "memberIds[0]");

        // Consent to another kind of institution does not cover this one.
        etag = await gateway.ConsentAsync(c, etag, mother, now, guardian: false, "employment-office");
        refused = await gateway.PostAsJsonAsync(ReintegrationApi.Referrals + "/", ReintegrationApi.Referral(c.Id, "rent-subsidy", [mother], contact));
        await refused.AssertProblemAsync(HttpStatusCode.Conflict, "memberIds[0]");

        // The mother consents for housing, but the child named too has no consent.
        etag = await gateway.ConsentAsync(c, etag, mother, now, guardian: false, "housing-office");
        refused = await gateway.PostAsJsonAsync(ReintegrationApi.Referrals + "/", ReintegrationApi.Referral(c.Id, "rent-subsidy", [mother, child], contact));
        await refused.AssertProblemAsync(HttpStatusCode.Conflict, "memberIds[1]");

        // A child does not consent for herself.
        var selfChild = await gateway.PostIfMatchAsync($"{ReintegrationApi.Cases}/{c.Id}/consents",
            new { memberId = child, givenBy = "self", givenAt = now, institutions = new[] { "housing-office" } }, etag);
        await selfChild.AssertProblemAsync(HttpStatusCode.BadRequest, "givenBy");

        // A withdrawn consent no longer counts.
        var consents = await gateway.GetFromJsonAsync<JsonElement[]>($"{ReintegrationApi.Cases}/{c.Id}/consents");
        var housing = consents!.Single(x => x.GetProperty("institutions").EnumerateArray().Any(i => i.GetString() == "housing-office"));
        var withdrawn = await gateway.PostIfMatchAsync($"{ReintegrationApi.Cases}/{c.Id}/consents/{housing.GetProperty("id").GetGuid()}/withdrawal",
            new { withdrawnAt = now }, etag);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        refused = await gateway.PostAsJsonAsync(ReintegrationApi.Referrals + "/", ReintegrationApi.Referral(c.Id, "rent-subsidy", [mother], contact));
        await refused.AssertProblemAsync(HttpStatusCode.Conflict, "memberIds[0]");

        Assert.Empty((await gateway.GetFromJsonAsync<JsonElement[]>($"{ReintegrationApi.Referrals}?caseId={c.Id}"))!);
        var rows = await platform.QueryAsync("reintegration-db", "SELECT count(*) FROM referrals WHERE case_id = @id", ("id", c.Id));
        Assert.Equal(0L, rows[0][0]);
        var outbox = await platform.QueryAsync("reintegration-db", "SELECT count(*) FROM outbox_messages WHERE payload::text LIKE @ref",
            ("ref", $"%{c.Reference}/%"));
        Assert.Equal(0L, outbox[0][0]);
    }
}
