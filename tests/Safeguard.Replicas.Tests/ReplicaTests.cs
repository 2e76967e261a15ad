using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Safeguard.Contracts.RiskAssessment;

namespace Safeguard.Replicas.Tests;

/// <summary>
/// Two processes of every domain service share one database and one set of queues (issue 26 §5): each event is
/// handled once (the inbox), each deadline alert raised once (the watchers' row locks), each e-mail sent once (the
/// notification's own id), and a replica killed in the middle of a burst loses nothing it acknowledged. The real
/// clock is used: each replica has a test clock of its own, and moving one would split them.
/// </summary>
public sealed class ReplicaTests(ReplicatedPlatform platform)
{
    [Fact]
    public async Task With_two_replicas_of_everything_each_alert_and_email_happens_once_and_a_replica_killed_mid_burst_loses_nothing()
    {
        var centre = Names.CentreCode();
        var mailbox = Names.Mailbox(centre);
        await platform.Gateway.RegisterMailboxAsync(centre, mailbox);
        var csr = platform.As(Personas.Supervisor(centre));
        await using var overdue = await TestBus.ListenAsync<AssessmentOverdue>(await platform.ConnectionStringAsync("messaging"));

        // Rulebook Art. 5: four cases whose 12 hours run out in 30 seconds, while both replicas' watchers scan for them.
        var now = await platform.Gateway.ServiceTimeAsync("/api/risk-assessment");
        var dueSoon = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            dueSoon.Add((await csr.OpenCaseAsync(centre, now.AddSeconds(30).AddHours(-12))).Id);
        }

        // A burst of cases through the gateway, which balances over both replicas; a quarter of the way, one replica of
        // risk-assessment and one of notification are killed as a crash would (no shutdown, no flush).
        var accepted = new List<string>();
        var refused = new List<int>();
        const int burst = 60;
        for (var i = 0; i < burst; i++)
        {
            if (i == 15)
            {
                await Task.WhenAll(platform.KillAsync("risk-assessment-2"), platform.KillAsync("notification-2"));
            }
            using var response = await csr.PostAsJsonAsync(RiskAssessmentApi.Cases, RiskAssessmentApi.CaseBody(centre, now));
            if (response.StatusCode == HttpStatusCode.Created)
            {
                accepted.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!);
            }
            else
            {
                // Sent to the killed replica before the gateway's health checks took it out of routing: answered with an
                // error, so the caller knows to send it again; nothing of it was acknowledged.
                Assert.True(response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
                    $"case {i}: {(int)response.StatusCode}");
                refused.Add(i);
            }
            await Task.Delay(400);
        }
        // Until the gateway's health checks take the dead replica out of routing (two failed probes 5 s apart), a share of
        // the requests meets it; after that every one is served by the replica left.
        Assert.All(refused, i => Assert.InRange(i, 15, burst - 11));
        Assert.Equal(burst - refused.Count, accepted.Count);

        // Every case acknowledged is announced, once, by whichever notification process took its event.
        var emails = await platform.Inbox.WaitForAsync(mailbox, accepted.Count + dueSoon.Count, TimeSpan.FromMinutes(3));
        // Each overdue deadline is raised once, though two watchers scanned for it.
        foreach (var id in dueSoon)
        {
            await overdue.WaitForAsync(e => e.CaseId == id, timeout: TimeSpan.FromMinutes(2));
        }
        // A duplicate would come right behind the originals: look again after a pause.
        await Task.Delay(TimeSpan.FromSeconds(20));
        emails = await platform.Inbox.MessagesToAsync(mailbox);
        Assert.All(accepted, reference => Assert.Single(emails, e => e.Subject.Contains(reference)));
        Assert.All(dueSoon, id => Assert.Single(overdue.Received, e => e.CaseId == id));
        var subjects = emails.Select(e => e.Subject).ToList();
        Assert.Equal(subjects.Count, subjects.Distinct().Count());
    }
}
