using System.Net;
using System.Text.Json;

namespace Safeguard.Notification.Tests;

/// <summary>
/// Nothing is lost while the SMTP server is down: the e-mail waits in the database, attempts are retried
/// with back-off, and it is sent once the server is back.
/// </summary>
[Collection(SmtpOutage.Name)]
public sealed class SmtpOutageTests(PlatformFixture platform)
{
    /// <summary>This test's centre (a new one per test) and its supervisor, who works its cases.</summary>
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    [Fact]
    public async Task Emails_recorded_while_SMTP_is_down_are_sent_after_it_returns()
    {
        var centre = _centre;
        var mailbox = Names.Mailbox(centre);
        await platform.Gateway.RegisterMailboxAsync(centre, mailbox);

        await platform.SetSmtpRunningAsync(false);
        OpenedCase c;
        try
        {
            c = await Csr.OpenCaseAsync(centre);
            // The delivery worker tries, fails, and keeps the e-mail pending for a later attempt.
            var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
            JsonElement entry;
            do
            {
                await Task.Delay(500);
                entry = (await platform.Gateway.DeliveryLogAsync(c.Reference)).SingleOrDefault();
            }
            while ((entry.ValueKind == JsonValueKind.Undefined || entry.GetProperty("attempts").GetInt32() < 1) && DateTimeOffset.UtcNow < deadline);
            Assert.Equal("pending", entry.GetProperty("status").GetString());
            Assert.True(entry.GetProperty("attempts").GetInt32() >= 1);
            Assert.NotNull(entry.GetProperty("lastError").GetString());
        }
        finally
        {
            await platform.SetSmtpRunningAsync(true);
        }

        var email = Assert.Single(await platform.Inbox.WaitForAsync(mailbox, timeout: TimeSpan.FromSeconds(120)));
        Assert.Contains(c.Reference, email.Subject);
        var sent = Assert.Single(await platform.Gateway.WaitForDeliveryAsync(c.Reference, "sent"));
        Assert.True(sent.GetProperty("attempts").GetInt32() >= 2);
    }
}

[Collection(SmtpOutage.Name)]
public sealed class OperatorRetryTests(PlatformFixture platform)
{
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    [Fact]
    public async Task A_notification_that_failed_every_attempt_is_sent_when_an_operator_retries_it()
    {
        var centre = _centre;
        var mailbox = Names.Mailbox(centre);
        await platform.Gateway.RegisterMailboxAsync(centre, mailbox);

        await platform.SetSmtpRunningAsync(false);
        JsonElement failed;
        try
        {
            var c = await Csr.OpenCaseAsync(centre);
            // The harness allows 3 attempts, 20 s apart: then the notification is marked failed.
            failed = Assert.Single(await platform.Gateway.WaitForDeliveryAsync(c.Reference, "failed", TimeSpan.FromSeconds(150)));
            Assert.Equal(3, failed.GetProperty("attempts").GetInt32());
        }
        finally
        {
            await platform.SetSmtpRunningAsync(true);
        }
        Assert.Empty(await platform.Inbox.MessagesToAsync(mailbox));

        var retried = await platform.Gateway.PostAsync($"/api/notifications/{failed.GetProperty("id").GetGuid()}/retry", null);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Single(await platform.Inbox.WaitForAsync(mailbox, timeout: TimeSpan.FromSeconds(60)));
        Assert.Equal("sent", (await platform.Gateway.WaitForDeliveryAsync(failed.GetProperty("caseReference").GetString()!, "sent")).Single().GetProperty("status").GetString());
    }
}

/// <summary>The outage delays every e-mail of the platform: run it alone, after the tests that run in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SmtpOutage
{
    public const string Name = "SMTP outage";
}
