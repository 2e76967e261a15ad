using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.Resilience.Tests;

/// <summary>
/// The risk-assessment process is killed (SIGKILL, no graceful shutdown) while centres keep opening cases
/// (issue 10): every case answered 201 is still stored after the restart, and every stored case — also one
/// committed just before the kill whose answer never left the process — is announced exactly once, because
/// its event was committed with it in the outbox and the consumer's inbox drops a second delivery.
/// </summary>
public sealed class ServiceCrashTests(PlatformFixture platform)
{
    private const string Service = "risk-assessment";
    private const int Clients = 4;

    [Fact]
    public async Task A_service_killed_in_the_middle_of_a_burst_loses_nothing_it_acknowledged()
    {
        var centre = Names.CentreCode();
        var mailbox = Names.Mailbox(centre);
        await platform.Gateway.RegisterMailboxAsync(centre, mailbox);
        var csr = platform.As(Personas.Supervisor(centre));
        var accepted = new ConcurrentBag<string>();
        var refused = new ConcurrentBag<HttpStatusCode>();

        using var stop = new CancellationTokenSource();
        var burst = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var response = await csr.PostAsJsonAsync(RiskAssessmentApi.Cases, Outages.CaseBody(centre));
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    accepted.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!);
                }
                else
                {
                    // While the service is gone the gateway answers with a problem, never an empty error.
                    await response.AssertProblemAsync(response.StatusCode);
                    Assert.Contains(response.StatusCode, new[] { HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout });
                    refused.Add(response.StatusCode);
                }
                // Well under the gateway's per-client rate limit.
                await Task.Delay(40);
            }
        })).ToArray();

        await WaitUntilAsync(() => accepted.Count >= 30, burst, "30 cases before the kill");
        await platform.KillAsync(Service);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await platform.SetRunningAsync(Service, running: true);
        var afterRestart = accepted.Count;
        await WaitUntilAsync(() => accepted.Count >= afterRestart + 30, burst, "30 cases after the restart");
        await stop.CancelAsync();
        await Task.WhenAll(burst);

        var stored = (await platform.QueryAsync("risk-assessment-db", "SELECT reference FROM cases WHERE centre_code = @centre", ("centre", centre)))
            .Select(row => (string)row[0]).ToHashSet();
        Assert.NotEmpty(refused);
        // Nothing acknowledged is lost.
        Assert.Subset(stored, accepted.ToHashSet());
        Assert.Equal(accepted.Count, accepted.Distinct().Count());

        await platform.Inbox.WaitForAsync(mailbox, stored.Count, TimeSpan.FromMinutes(3));
        // A duplicate would come right behind the originals: look again after a pause.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var emails = await platform.Inbox.MessagesToAsync(mailbox);
        Assert.Equal(stored.Count, emails.Count);
        Assert.All(stored, reference => Assert.Single(emails, e => e.Subject.Contains(reference)));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Task[] clients, string what)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while (!condition())
        {
            if (clients.Any(c => c.IsFaulted))
            {
                // A client saw something other than 201 or a 503/504 problem: show what.
                await Task.WhenAll(clients);
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }
}
