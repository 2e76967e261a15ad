using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.Reintegration.Tests;

/// <summary>
/// A prison's handover before release reaches the centre for social work of the place of residence (000 §4.3.4): the
/// centre is named, told by e-mail, reads and acts on the handover, and answers the referrals addressed to it.
/// </summary>
public sealed class HandoverTests(PlatformFixture platform)
{
    private const string Service = ReintegrationApi.Prefix;

    private static object Handover(string municipality, string? centre, DateTimeOffset expectedRelease, DateTimeOffset handedOverAt) => new
    {
        municipalityCode = municipality,
        csrCode = centre,
        category = "former-prisoner",
        arrivalKind = "pre-release-handover",
        arrivalAt = expectedRelease,
        prison = new { name = "KPU Idrizovo", handedOverAt },
        household = ReintegrationApi.Household(expectedRelease, "Krasniqi"),
    };

    [Fact]
    public async Task A_handover_names_the_centre_which_is_emailed_without_names_reads_it_confirms_the_release_and_joins_the_visit()
    {
        var municipality = Names.CentreCode();
        var centre = Names.CentreCode();
        await platform.Gateway.RegisterMailboxAsync(centre, Names.Mailbox(centre));
        var prison = platform.As(Personas.PrisonOfficer());
        var now = await prison.ServiceTimeAsync(Service);
        var expected = now.AddDays(10);

        // Without the centre of residence the handover is refused, naming the field, and nothing is stored.
        await (await prison.PostAsJsonAsync(ReintegrationApi.Cases + "/", Handover(municipality, null, expected, now)))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "csrCode");
        var rows = await platform.QueryAsync("reintegration-db", "SELECT count(*) FROM reintegration_cases WHERE municipality_code = @m", ("m", municipality));
        Assert.Equal(0L, rows[0][0]);

        var registered = await prison.PostAsJsonAsync(ReintegrationApi.Cases + "/", Handover(municipality, centre, expected, now));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var body = await registered.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        var reference = body.GetProperty("reference").GetString()!;

        // The centre's mailbox learns the reference, the release and what to prepare; never the person.
        var email = Assert.Single(await platform.Inbox.WaitForAsync(Names.Mailbox(centre)));
        Assert.Contains(reference, email.Subject);
        var text = await platform.Inbox.PlainTextAsync(email.Id);
        Assert.Contains("72 hours", text);
        Assert.Contains("joint visit", text);
        Assert.DoesNotContain("Krasniqi", text);
        Assert.DoesNotContain("Dragash", text);

        // The centre's case worker finds it among her handovers and reads it; another centre's worker does not.
        var worker = platform.As(Personas.CaseWorker(centre));
        var handovers = await worker.GetFromJsonAsync<JsonElement[]>($"{Service}/handovers");
        Assert.Equal([reference], handovers!.Select(h => h.GetProperty("reference").GetString()));
        Assert.DoesNotContain("Krasniqi", JsonSerializer.Serialize(handovers));
        var read = await worker.GetAsync($"{ReintegrationApi.Cases}/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var other = platform.As(Personas.CaseWorker(Names.CentreCode()));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{ReintegrationApi.Cases}/{id}")).StatusCode);
        Assert.Empty((await other.GetFromJsonAsync<JsonElement[]>($"{Service}/handovers"))!);
        await (await worker.GetAsync($"{Service}/handovers?centre={municipality}")).AssertProblemAsync(HttpStatusCode.Forbidden, "centre");

        // Her supervisor confirms the release; the case worker records the joint visit with the municipal office.
        var releasedAt = await worker.ServiceTimeAsync(Service);
        var released = await platform.As(Personas.Supervisor(centre)).PostIfMatchAsync($"{ReintegrationApi.Cases}/{id}/release", new { releasedAt },
            RiskAssessmentApi.ETagOf(read));
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        var c = new ReintegrationCase(id, reference, RiskAssessmentApi.ETagOf(released), await released.Content.ReadFromJsonAsync<JsonElement>());
        await worker.AssessNeedsAsync(c, c.ETag, ReintegrationApi.NeedsForm(releasedAt, ("social-assistance", null)));
        var visited = await platform.As(Personas.ReintegrationOfficer(municipality)).ReadAsync(id);
        Assert.True(visited.Body.GetProperty("visitWithin72Hours").GetBoolean());
        Assert.Equal(1L, (await platform.QueryAsync("reintegration-db", "SELECT count(*) FROM needs_assessments WHERE case_id = @c", ("c", id)))[0][0]);
    }

    [Fact]
    public async Task A_referral_to_the_centre_is_listed_and_answered_by_its_workers_and_by_no_other_centre()
    {
        var municipality = Names.CentreCode();
        var centre = Names.CentreCode();
        var officer = platform.As(Personas.ReintegrationOfficer(municipality));
        var now = await officer.ServiceTimeAsync(Service);
        var registered = await officer.PostAsJsonAsync(ReintegrationApi.Cases + "/", new
        {
            municipalityCode = municipality, csrCode = centre, category = "repatriated", arrivalKind = "return", arrivalAt = now.AddHours(-20),
            household = ReintegrationApi.Household(now.AddHours(-20)),
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var body = await registered.Content.ReadFromJsonAsync<JsonElement>();
        var c = new ReintegrationCase(body.GetProperty("id").GetGuid(), body.GetProperty("reference").GetString()!, RiskAssessmentApi.ETagOf(registered), body);
        var etag = await officer.AssessNeedsAsync(c, c.ETag, ReintegrationApi.NeedsForm(now.AddHours(-2), ("social-assistance", null)));
        etag = await officer.ConsentAsync(c, etag, c.Member(0), now, guardian: false, "csr");

        // Sent to the centre for social work of the case, without naming its code: the case's centre answers.
        var sent = await officer.PostAsJsonAsync(ReintegrationApi.Referrals + "/",
            ReintegrationApi.Referral(c.Id, "social-assistance", [c.Member(0)], $"intake.{centre.ToLowerInvariant()}@csr.test"));
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var referral = await sent.Content.ReadFromJsonAsync<JsonElement>();
        var id = referral.GetProperty("id").GetGuid();
        Assert.Equal(centre, referral.GetProperty("recipient").GetProperty("institutionCode").GetString());

        var other = platform.As(Personas.CaseWorker(Names.CentreCode()));
        Assert.Empty((await other.GetFromJsonAsync<JsonElement[]>($"{ReintegrationApi.Referrals}?status=sent"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{ReintegrationApi.Referrals}/{id}")).StatusCode);

        var worker = platform.As(Personas.CaseWorker(centre));
        var listed = await worker.GetFromJsonAsync<JsonElement[]>($"{ReintegrationApi.Referrals}?status=sent");
        Assert.Equal([id], listed!.Select(r => r.GetProperty("id").GetGuid()));
        // She answers for the centre; the case itself stays the municipality's.
        var accepted = await worker.MoveReferralAsync(id, RiskAssessmentApi.ETagOf(sent), "accepted");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"{ReintegrationApi.Cases}/{c.Id}")).StatusCode);
        var stored = await platform.QueryAsync("reintegration-db", "SELECT status, recipient_institution_code FROM referrals WHERE id = @id", ("id", id));
        Assert.Equal("Accepted", stored[0][0]);
        Assert.Equal(centre, stored[0][1]);
    }
}
