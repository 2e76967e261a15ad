using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.Notification.Tests;

/// <summary>
/// The team's e-mails, read back from the SMTP server: who gets what, in which language, and never the
/// victim's identity.
/// </summary>
public sealed class TeamEmailTests(PlatformFixture platform)
{
    /// <summary>This test's centre (a new one per test) and its supervisor, who works its cases.</summary>
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    private static string Mailbox(string institution, string role, string centre) => $"{institution}.{role}.{centre.ToLowerInvariant()}@institution.test";

    private async Task<(OpenedCase Case, Guid PlanId, string Centre)> ConvenedAsync(string victimName = "Test Victim")
    {
        var centre = _centre;
        await Csr.CreateTeamAsync(centre, "csr", "police");
        var c = await Csr.OpenCaseAsync(centre, victimName: victimName, category: "child");
        Assert.Equal(HttpStatusCode.Created, (await Csr.ReportEmergencyMeasureAsync(c, c.ETag)).StatusCode);
        var plan = await Csr.WaitForPlanAsync(c.Id);
        return (c, plan.GetProperty("id").GetGuid(), centre);
    }

    [Fact]
    public async Task Convening_writes_to_every_member_and_deputy_in_their_language_without_the_victims_name()
    {
        const string distinctive = "Blagorodna Zzyxtestovska";
        var (c, _, centre) = await ConvenedAsync(distinctive);

        // Each also got her seat's invitation when the team was formed: the convening is the e-mail naming the case.
        bool Convening(ReceivedEmail e) => e.Subject.EndsWith(c.Reference, StringComparison.Ordinal);
        var member = Assert.Single(await platform.Inbox.WaitForAsync(Mailbox("police", "member", centre), Convening), Convening);
        var deputy = Assert.Single(await platform.Inbox.WaitForAsync(Mailbox("police", "deputy", centre), Convening), Convening);
        await platform.Inbox.WaitForAsync(Mailbox("csr", "member", centre), Convening);
        await platform.Inbox.WaitForAsync(Mailbox("csr", "deputy", centre), Convening);

        Assert.Equal($"The multisectoral team is convened for case {c.Reference}", member.Subject);
        Assert.Equal($"Свикан е мултисекторскиот тим за случај {c.Reference}", deputy.Subject);
        Assert.Contains("removal of the perpetrator from the home (Art. 19)", await platform.Inbox.PlainTextAsync(member.Id));
        Assert.Contains("заменик член", await platform.Inbox.PlainTextAsync(deputy.Id));
        foreach (var email in new[] { member, deputy })
        {
            Assert.DoesNotContain("Zzyxtestovska", await platform.Inbox.SourceAsync(email.Id));
        }
    }

    [Fact]
    public async Task New_risk_reconvenes_the_team_with_an_urgent_email()
    {
        var (c, planId, centre) = await ConvenedAsync();
        await platform.Inbox.WaitForAsync(Mailbox("police", "member", centre), e => e.Subject.EndsWith(c.Reference, StringComparison.Ordinal));

        var alert = await Csr.PostAsJsonAsync($"{SafetyPlanApi.Plans}/{planId}/risk-alerts",
            new { reportedBy = "victim", at = DateTimeOffset.UtcNow.AddMinutes(-1), summary = "He broke the ban last night." });
        Assert.Equal(HttpStatusCode.Created, alert.StatusCode);

        var emails = await platform.Inbox.WaitForAsync(Mailbox("police", "member", centre), e => e.Subject.StartsWith("URGENT", StringComparison.Ordinal));
        var urgent = Assert.Single(emails, e => e.Subject.StartsWith("URGENT", StringComparison.Ordinal));
        Assert.Equal($"URGENT: the multisectoral team is reconvened for case {c.Reference}", urgent.Subject);
        Assert.DoesNotContain("broke the ban", await platform.Inbox.SourceAsync(urgent.Id));
    }

    [Fact]
    public async Task Adoption_tells_everyone_and_each_responsible_member_of_their_measures_and_an_overdue_clock_reaches_the_case_manager()
    {
        var (c, planId, centre) = await ConvenedAsync();
        var etag = RiskAssessmentApi.ETagOf(await Csr.GetAsync($"{SafetyPlanApi.Plans}/{planId}"));
        var adoptedAt = await platform.Gateway.ServiceTimeAsync("/api/safety-plans");
        Assert.Equal(HttpStatusCode.OK, (await Csr.PostIfMatchAsync($"{SafetyPlanApi.Plans}/{planId}/adoption", new { adoptedAt }, etag)).StatusCode);

        // Convened + adopted to all four; the police member also gets the emergency measure.
        var police = await platform.Inbox.WaitForAsync(Mailbox("police", "member", centre),
            e => e.Subject == $"A measure of the safety plan for case {c.Reference} is yours");
        police = await platform.Inbox.WaitForAsync(Mailbox("police", "member", centre), e => e.Subject == $"Safety plan adopted for case {c.Reference}");
        var measure = Assert.Single(police, e => e.Subject == $"A measure of the safety plan for case {c.Reference} is yours");
        Assert.Contains("enforce-emergency-measure", await platform.Inbox.PlainTextAsync(measure.Id));
        await platform.Inbox.WaitForAsync(Mailbox("csr", "deputy", centre), e => e.Subject == $"Донесен е безбедносниот план за случај {c.Reference}");

        // Art. 15: no first contact within 12 hours. It is the team's duty, so the case manager is told.
        await platform.Gateway.AdvanceClockAsync("/api/safety-plans", TimeSpan.FromHours(13));
        // Other clocks (the daily report) may e-mail her in between: wait for this e-mail, not for a count.
        var csr = await platform.Inbox.WaitForAsync(Mailbox("csr", "member", centre), e => e.Subject.StartsWith("OVERDUE", StringComparison.Ordinal));
        var overdue = Assert.Single(csr, e => e.Subject.StartsWith("OVERDUE", StringComparison.Ordinal));
        Assert.Equal($"OVERDUE: case {c.Reference}: the first contact with the victim (Art. 15)", overdue.Subject);

        // Art. 21: 36 hours after adoption the responsible member is reminded of her 48-hour contact.
        await platform.Gateway.AdvanceClockAsync("/api/safety-plans", TimeSpan.FromHours(24));
        bool ContactReminder(ReceivedEmail e) => e.Subject.StartsWith("Due by", StringComparison.Ordinal)
            && e.Subject.EndsWith($"case {c.Reference}: your contact with the victim, at least every 48 hours (Art. 21)", StringComparison.Ordinal);
        var reminders = await platform.Inbox.WaitForAsync(Mailbox("csr", "member", centre), ContactReminder);
        Assert.Contains(reminders, ContactReminder);

        // A revision tells everyone, the deputy in Macedonian.
        var team = await Csr.GetFromJsonAsync<JsonElement>($"{SafetyPlanApi.Teams}?centre={centre}");
        var csrMember = team[0].GetProperty("institutions").EnumerateArray().Single(i => i.GetProperty("institution").GetString() == "csr").GetProperty("memberId").GetGuid();
        var revised = await Csr.PostIfMatchAsync($"{SafetyPlanApi.Plans}/{planId}/measures", new { code = "counselling", membershipId = csrMember },
            RiskAssessmentApi.ETagOf(await Csr.GetAsync($"{SafetyPlanApi.Plans}/{planId}")));
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        var deputyMail = await platform.Inbox.WaitForAsync(Mailbox("police", "deputy", centre), e => e.Subject == $"Ревидиран е безбедносниот план за случај {c.Reference}");
        Assert.Single(deputyMail, e => e.Subject == $"Ревидиран е безбедносниот план за случај {c.Reference}");
    }

    [Fact]
    public async Task An_assessment_12_hours_late_is_reported_to_the_centre()
    {
        var centre = _centre;
        var mailbox = Names.Mailbox(centre);
        await platform.Gateway.RegisterMailboxAsync(centre, mailbox, "sq");

        var c = await Csr.OpenCaseAsync(centre, DateTimeOffset.UtcNow.AddHours(-13));

        var emails = await platform.Inbox.WaitForAsync(mailbox, count: 2);
        var overdue = Assert.Single(emails, e => e.Subject.StartsWith("ME VONESË", StringComparison.Ordinal));
        Assert.StartsWith($"ME VONESË: vlerësimi i rrezikut për rastin {c.Reference}", overdue.Subject);
    }

    [Fact]
    public async Task Only_a_failed_notification_can_be_retried_by_an_operator()
    {
        var centre = _centre;
        await platform.Gateway.RegisterMailboxAsync(centre, Names.Mailbox(centre));
        var c = await Csr.OpenCaseAsync(centre);
        var sent = Assert.Single(await platform.Gateway.WaitForDeliveryAsync(c.Reference, "sent"));

        var retrySent = await platform.Gateway.PostAsync($"/api/notifications/{sent.GetProperty("id").GetGuid()}/retry", null);
        var retryUnknown = await platform.Gateway.PostAsync($"/api/notifications/{Guid.NewGuid()}/retry", null);

        await retrySent.AssertProblemAsync(HttpStatusCode.Conflict, "status");
        await retryUnknown.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
