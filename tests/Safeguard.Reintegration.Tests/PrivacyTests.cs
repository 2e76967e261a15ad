using System.Net;
using System.Net.Http.Json;

namespace Safeguard.Reintegration.Tests;

/// <summary>
/// A returnee's identity stays inside the case: a household with a distinctive surname goes through a needs
/// assessment, a plan and a referral, and the name reaches no event, e-mail, log line, trace or exported log record.
/// </summary>
public sealed class PrivacyTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_distinctive_household_name_never_reaches_an_event_an_email_or_a_log()
    {
        const string surname = "Zxcvbnmaliqi";
        var municipality = Names.CentreCode();
        var gateway = platform.As(Personas.ReintegrationOfficer(municipality));
        var now = await gateway.ServiceTimeAsync(ReintegrationApi.Prefix);
        var c = await gateway.RegisterReturnAsync(municipality, now.AddHours(-3), surname);
        var etag = await gateway.AssessNeedsAsync(c, c.ETag, ReintegrationApi.NeedsForm(now, ("employment-and-skills", c.Member(0))));
        (_, etag) = await gateway.AdoptPlanAsync(c, etag, now, ("jobseeker-registration", c.Member(0)));
        await gateway.ConsentAsync(c, etag, c.Member(0), now, guardian: false, "employment-office");
        var contact = $"jobs.{c.Reference.ToLowerInvariant()}@employment.test";
        var sent = await gateway.PostAsJsonAsync(ReintegrationApi.Referrals + "/", ReintegrationApi.Referral(c.Id, "jobseeker-registration", [c.Member(0)], contact));
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.Contains(surname, (await gateway.ReadAsync(c.Id)).Body.GetRawText()); // the case itself holds it: the marker is real
        // Read at once: a sent event's row ends 7 days later on the service's clock, which another test of this assembly
        // moves by months (HouseholdJourneyTests), so a later read could find the rows already purged.
        var events = await platform.QueryAsync("reintegration-db", "SELECT payload::text FROM outbox_messages WHERE payload::text LIKE @ref",
            ("ref", $"%{c.Reference}%"));
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.DoesNotContain(surname, (string)e[0], StringComparison.OrdinalIgnoreCase));

        foreach (var email in await platform.Inbox.WaitForAsync(contact))
        {
            Assert.DoesNotContain(surname, await platform.Inbox.SourceAsync(email.Id));
        }

        // Notification logs the case reference when it sends the e-mail: that proves the logs were read.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!(platform.LogLines.Any(l => l.Contains(c.Reference)) && platform.Telemetry.Contains("traces", "reintegration")) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(250);
        }
        Assert.Contains(platform.LogLines, l => l.Contains(c.Reference));
        Assert.DoesNotContain(platform.LogLines, l => l.Contains(surname, StringComparison.OrdinalIgnoreCase));
        Assert.True(platform.Telemetry.Contains("traces", "reintegration"), "Traces were exported.");
        Assert.False(platform.Telemetry.Contains("traces", surname), "The surname reached a trace.");
        Assert.False(platform.Telemetry.Contains("logs", surname), "The surname reached a log record.");
    }
}
