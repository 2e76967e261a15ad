using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.Resilience.Tests;

/// <summary>
/// RabbitMQ stops for 60 seconds while centres keep opening cases (issue 10): every case answered 201 is
/// stored with its CaseOpened event in the outbox; once the broker is back, each event reaches notification
/// and the centre gets exactly one e-mail per case, none lost and none twice.
/// </summary>
public sealed class BrokerOutageTests(PlatformFixture platform)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Every_case_accepted_during_a_broker_outage_is_announced_exactly_once_after_it_returns()
    {
        var centre = Names.CentreCode();
        var mailbox = Names.Mailbox(centre);
        await platform.Gateway.RegisterMailboxAsync(centre, mailbox);
        var csr = platform.As(Personas.Supervisor(centre));
        var accepted = new List<string>();

        await platform.SetRunningAsync("rabbitmq", running: false);
        try
        {
            var until = DateTimeOffset.UtcNow + Outage;
            while (DateTimeOffset.UtcNow < until)
            {
                var response = await csr.PostAsJsonAsync(RiskAssessmentApi.Cases, Outages.CaseBody(centre));
                // Writes do not need the broker: the outbox holds their events.
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                accepted.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!);
                await Task.Delay(1500);
            }
            // Nothing could have been announced yet.
            Assert.Empty(await platform.Inbox.MessagesToAsync(mailbox));
            // Its events have waited longer than the harness's Safeguard:StallAfter (20 s): the service says so, and still serves.
            var health = await platform.Direct("risk-assessment", Personas.Supervisor(centre)).GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            var report = await health.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Degraded", report.GetProperty("status").GetString());
            var work = report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "background-work");
            Assert.Equal("Degraded", work.GetProperty("status").GetString());
            Assert.Contains("the outbox has not moved for", work.GetProperty("reason").GetString());
        }
        finally
        {
            await platform.SetRunningAsync("rabbitmq", running: true);
        }

        var emails = await platform.Inbox.WaitForAsync(mailbox, accepted.Count, TimeSpan.FromMinutes(3));
        // A duplicate would come right behind the originals: look again after a pause.
        await Task.Delay(TimeSpan.FromSeconds(5));
        emails = await platform.Inbox.MessagesToAsync(mailbox);
        Assert.True(accepted.Count >= 20, $"Only {accepted.Count} cases were opened during the outage.");
        Assert.Equal(accepted.Count, emails.Count);
        Assert.All(accepted, reference => Assert.Single(emails, e => e.Subject.Contains(reference)));
    }
}
