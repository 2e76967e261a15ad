using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Safeguard.Contracts.Reintegration;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Reintegration.Tests;

/// <summary>
/// A referral left unanswered past its answer date is chased once (004 §2.3): the receiving contact is reminded and
/// the referring officer told. The test moves the service's clock past the default seven days.
/// </summary>
[Collection(ReintegrationClockCollection.Name)]
public sealed class ReferralChaseTests(PlatformFixture platform)
{
    private const string Service = ReintegrationApi.Prefix;

    [Fact]
    public async Task An_unanswered_referral_is_chased_once_by_email_to_its_contact_and_its_sender_and_an_answered_one_never()
    {
        await using var overdue = await TestBus.ListenAsync<ReferralAnswerOverdue>(await platform.ConnectionStringAsync("messaging"));
        var municipality = Names.CentreCode();
        var senderEmail = $"officer.{municipality.ToLowerInvariant()}@komuna.test";
        var officer = platform.As(new TokenSubject($"ro-{municipality}", [PlatformRoles.ReintegrationOfficer], municipality, "municipality", senderEmail));
        var now = await officer.ServiceTimeAsync(Service);
        var c = await officer.RegisterReturnAsync(municipality, now.AddHours(-30));
        var etag = await officer.AssessNeedsAsync(c, c.ETag, ReintegrationApi.NeedsForm(now.AddHours(-2), ("employment-and-skills", null), ("housing", null)));
        etag = await officer.ConsentAsync(c, etag, c.Member(0), now, guardian: false, "employment-office", "housing-office");
        var (silent, answering) = ($"silent.{municipality.ToLowerInvariant()}@apri.test", $"prompt.{municipality.ToLowerInvariant()}@housing.test");

        var (unanswered, unansweredTag) = await SendAsync(officer, ReintegrationApi.Referral(c.Id, "jobseeker-registration", [c.Member(0)], silent));
        var (answered, answeredTag) = await SendAsync(officer, ReintegrationApi.Referral(c.Id, "rent-subsidy", [c.Member(0)], answering));
        var housing = platform.As(Personas.TeamMember(answering, "municipality", "HOUSING"));
        await platform.ClaimReferralAsync(housing, answering, answered.GetProperty("reference").GetString()!);
        var accepted = await housing.MoveReferralAsync(answered.GetProperty("id").GetGuid(), answeredTag, "accepted");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var id = unanswered.GetProperty("id").GetGuid();
        var answerBy = unanswered.GetProperty("answerBy").GetDateTimeOffset();

        await platform.Gateway.AdvanceClockToAsync(Service, answerBy.AddMinutes(1));

        var raised = Assert.Single(await overdue.WaitForAsync(e => e.CaseId == c.Id));
        Assert.Equal(id, raised.ReferralId);
        Assert.Equal(senderEmail, raised.SenderEmail);
        bool IsReminder(ReceivedEmail e) => e.Subject.StartsWith("Kujtesë", StringComparison.Ordinal);
        var toContact = await platform.Inbox.WaitForAsync(silent, IsReminder);
        Assert.Single(toContact, IsReminder);
        var reminder = toContact.First(IsReminder);
        Assert.Contains(unanswered.GetProperty("reference").GetString()!, reminder.Subject);
        var told = Assert.Single(await platform.Inbox.WaitForAsync(senderEmail));
        Assert.Equal($"Unanswered: referral {unanswered.GetProperty("reference").GetString()} to Receiving institution", told.Subject);
        Assert.DoesNotContain("Berisha", await platform.Inbox.PlainTextAsync(told.Id));
        var read = await officer.GetFromJsonAsync<JsonElement>($"{ReintegrationApi.Referrals}/{id}");
        Assert.True(read.GetProperty("answerOverdue").GetBoolean());
        var chasedAt = read.GetProperty("chasedAt").GetDateTimeOffset();

        // Another day without an answer raises nothing more: the row keeps its first chase, the inboxes their one e-mail.
        await platform.Gateway.AdvanceClockAsync(Service, TimeSpan.FromDays(1));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(overdue.Received, e => e.CaseId == c.Id);
        Assert.Single(await platform.Inbox.MessagesToAsync(senderEmail));
        Assert.Single(await platform.Inbox.MessagesToAsync(silent), IsReminder);
        Assert.DoesNotContain(await platform.Inbox.MessagesToAsync(answering), IsReminder);
        var rows = await platform.QueryAsync("reintegration-db",
            "SELECT h.chased_at FROM referral_chases h JOIN referrals r ON r.id = h.referral_id WHERE r.case_id = @c", ("c", c.Id));
        Assert.Equal(chasedAt, new DateTimeOffset((DateTime)Assert.Single(rows)[0]));

        // The chase changed nothing of the referral: its contact answers with the version she was sent.
        var apri = platform.As(Personas.TeamMember(silent, "employment-office", "APRI"));
        await platform.ClaimReferralAsync(apri, silent, unanswered.GetProperty("reference").GetString()!);
        var late = await apri.MoveReferralAsync(id, unansweredTag, "accepted");
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
    }

    private static async Task<(JsonElement Referral, string ETag)> SendAsync(HttpClient officer, object referral)
    {
        var sent = await officer.PostAsJsonAsync(ReintegrationApi.Referrals + "/", referral);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        return (await sent.Content.ReadFromJsonAsync<JsonElement>(), RiskAssessmentApi.ETagOf(sent));
    }
}
