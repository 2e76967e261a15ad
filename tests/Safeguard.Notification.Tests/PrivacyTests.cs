using System.Net;

namespace Safeguard.Notification.Tests;

/// <summary>
/// Rulebook Art. 3: a victim's identity stays out of everything the platform sends or writes for operators.
/// A case whose victim has a distinctive name goes all the way to the team's e-mails; the name appears in
/// no e-mail, no log line and no exported trace or log record of any service.
/// </summary>
public sealed class PrivacyTests(PlatformFixture platform)
{
    /// <summary>This test's centre (a new one per test) and its supervisor, who works its cases.</summary>
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    [Fact]
    public async Task A_distinctive_victim_name_never_reaches_an_email_or_a_log()
    {
        const string surname = "Qwertyuiopovska";
        var centre = _centre;
        var mailbox = Names.Mailbox(centre);
        await platform.Gateway.RegisterMailboxAsync(centre, mailbox);
        await Csr.CreateTeamAsync(centre, "csr", "police");
        var c = await Csr.OpenCaseAsync(centre, victimName: $"Zlata {surname}", category: "adult",
            household: [new { fullName = $"Iva {surname}", relation = "daughter", isChild = true }]);
        Assert.Equal(HttpStatusCode.Created, (await Csr.ReportEmergencyMeasureAsync(c, c.ETag)).StatusCode);

        var emails = (await platform.Inbox.WaitForAsync(mailbox))
            .Concat(await platform.Inbox.WaitForAsync($"police.member.{centre.ToLowerInvariant()}@institution.test", e => e.Subject.Contains(c.Reference)))
            .Concat(await platform.Inbox.WaitForAsync($"csr.deputy.{centre.ToLowerInvariant()}@institution.test", e => e.Subject.Contains(c.Reference)));
        foreach (var email in emails)
        {
            Assert.DoesNotContain(surname, await platform.Inbox.SourceAsync(email.Id));
        }

        // The services log the case reference when they send its e-mails: that proves the logs were read.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!platform.LogLines.Any(l => l.Contains(c.Reference)) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(250);
        }
        Assert.Contains(platform.LogLines, l => l.Contains(c.Reference));
        Assert.DoesNotContain(platform.LogLines, l => l.Contains(surname, StringComparison.OrdinalIgnoreCase));

        // Traces and log records exported over OTLP: the services' telemetry reached the test's receiver
        // (their names are in it, and the case reference in a log record), and the surname is in none of it.
        deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!(platform.Telemetry.Contains("traces", "safety-plan") && platform.Telemetry.Contains("logs", c.Reference)) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(250);
        }
        Assert.True(platform.Telemetry.Contains("traces", "risk-assessment"), "Traces were exported.");
        Assert.True(platform.Telemetry.Contains("logs", c.Reference), "Log records were exported.");
        Assert.False(platform.Telemetry.Contains("traces", surname), "The surname reached a trace.");
        Assert.False(platform.Telemetry.Contains("logs", surname), "The surname reached a log record.");
    }
}
