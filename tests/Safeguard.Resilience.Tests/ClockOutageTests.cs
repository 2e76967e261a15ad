using Safeguard.Contracts.RiskAssessment;

namespace Safeguard.Resilience.Tests;

/// <summary>
/// A deadline passes while the service that watches it is down (issue 10): when it comes back, the overdue
/// event is raised once — not lost because nobody was watching at the moment, and not twice on later scans.
/// The real clock is used: the case is opened 20 seconds before its 12 hours run out.
/// </summary>
public sealed class ClockOutageTests(PlatformFixture platform)
{
    private const string Service = "risk-assessment";

    [Fact]
    public async Task A_deadline_that_passed_while_the_service_was_down_is_raised_once_when_it_returns()
    {
        var centre = Names.CentreCode();
        var mailbox = Names.Mailbox(centre);
        await platform.Gateway.RegisterMailboxAsync(centre, mailbox);
        var csr = platform.As(Personas.Supervisor(centre));
        await using var overdue = await TestBus.ListenAsync<AssessmentOverdue>(await platform.ConnectionStringAsync("messaging"));

        // Rulebook Art. 5: the assessment is due 12 hours after the centre learned of the violence.
        var now = await platform.Gateway.ServiceTimeAsync("/api/risk-assessment");
        var due = now.AddSeconds(20);
        var c = await csr.OpenCaseAsync(centre, due.AddHours(-12));
        Assert.False(c.Body.GetProperty("assessmentOverdue").GetBoolean());

        await platform.KillAsync(Service);
        // The deadline passes while nothing watches it.
        var wait = due - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(5);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
        Assert.DoesNotContain(overdue.Received, e => e.CaseId == c.Id);
        await platform.SetRunningAsync(Service, running: true);

        var raised = Assert.Single(await overdue.WaitForAsync(e => e.CaseId == c.Id, timeout: TimeSpan.FromMinutes(1)));
        Assert.Equal(c.Reference, raised.CaseReference);
        Assert.True((await csr.ReadCaseAsync(c.Id)).Body.GetProperty("assessmentOverdue").GetBoolean());

        // A later scan sees the case again but does not raise it again: a case opened already overdue is the
        // witness that a full scan ran after the first one.
        var witness = await csr.OpenCaseAsync(centre, now.AddHours(-13));
        await overdue.WaitForAsync(e => e.CaseId == witness.Id, timeout: TimeSpan.FromMinutes(1));
        Assert.Single(overdue.Received, e => e.CaseId == c.Id);

        // The centre hears of it once: the "case opened" e-mail and one overdue e-mail for each case.
        await platform.Inbox.WaitForAsync(mailbox, 4, TimeSpan.FromMinutes(1));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var emails = await platform.Inbox.MessagesToAsync(mailbox);
        Assert.Equal(2, emails.Count(e => e.Subject.Contains(c.Reference)));
        Assert.Equal(4, emails.Count);
    }
}
