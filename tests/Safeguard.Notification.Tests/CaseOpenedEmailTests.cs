using System.Net;
using System.Net.Http.Json;
using Safeguard.Contracts.RiskAssessment;

namespace Safeguard.Notification.Tests;

/// <summary>The "case opened" notice: in the centre's language, once per event, recorded when it cannot be sent.</summary>
public sealed class CaseOpenedEmailTests(PlatformFixture platform)
{
    /// <summary>This test's centre (a new one per test) and its supervisor, who works its cases.</summary>
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    [Fact]
    public async Task The_centre_is_written_to_in_its_own_language()
    {
        var centre = _centre;
        var mailbox = Names.Mailbox(centre);
        await platform.Gateway.RegisterMailboxAsync(centre, mailbox, "mk");

        var opened = (await Csr.OpenCaseAsync(centre, DateTimeOffset.UtcNow.AddMinutes(-5))).Body;

        var email = Assert.Single(await platform.Inbox.WaitForAsync(mailbox));
        Assert.StartsWith("Нов случај " + opened.GetProperty("reference").GetString(), email.Subject);
        Assert.Contains("член 5 од Правилникот", await platform.Inbox.PlainTextAsync(email.Id));
    }

    [Fact]
    public async Task A_redelivered_event_sends_no_second_email()
    {
        var centre = _centre;
        var mailbox = Names.Mailbox(centre);
        await platform.Gateway.RegisterMailboxAsync(centre, mailbox);
        var broker = await platform.ConnectionStringAsync("messaging");
        var now = DateTimeOffset.UtcNow;
        var duplicate = new CaseOpened(Guid.NewGuid(), $"{centre}-2026-00077", centre, "police", now, now.AddHours(12), now);
        var messageId = Guid.NewGuid();

        // The same message (same MessageId) delivered twice, as after a lost acknowledgement.
        await TestBus.PublishAsync(broker, duplicate, messageId);
        await platform.Inbox.WaitForAsync(mailbox);
        await TestBus.PublishAsync(broker, duplicate, messageId);
        // A later, different event to the same centre: once its e-mail is in, the duplicate has been handled.
        var sentinel = duplicate with { CaseId = Guid.NewGuid(), CaseReference = $"{centre}-2026-00078" };
        await TestBus.PublishAsync(broker, sentinel, Guid.NewGuid());
        await platform.Gateway.WaitForDeliveryAsync(sentinel.CaseReference, "sent");

        var emails = await platform.Inbox.MessagesToAsync(mailbox);
        Assert.Single(emails, e => e.Subject.Contains(duplicate.CaseReference));
        Assert.Single(emails, e => e.Subject.Contains(sentinel.CaseReference));
        Assert.Single(await platform.Gateway.DeliveryLogAsync(duplicate.CaseReference));
    }

    [Fact]
    public async Task A_centre_without_a_mailbox_is_recorded_as_having_no_recipient()
    {
        var opened = (await Csr.OpenCaseAsync(_centre, DateTimeOffset.UtcNow)).Body;

        var log = await platform.Gateway.WaitForDeliveryAsync(opened.GetProperty("reference").GetString()!, "no-recipient");

        var entry = Assert.Single(log);
        Assert.Equal(0, entry.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task A_mailbox_with_a_bad_address_or_code_is_refused_naming_the_field()
    {
        var badEmail = await platform.Gateway.PutAsJsonAsync($"/api/notifications/institutions/{_centre}",
            new { name = "Centre", email = "not-an-address", language = "en" });
        var badCode = await platform.Gateway.PutAsJsonAsync("/api/notifications/institutions/sk",
            new { name = "Centre", email = "intake@csr.test", language = "en" });
        var badLanguage = await platform.Gateway.PutAsJsonAsync($"/api/notifications/institutions/{_centre}",
            new { name = "Centre", email = "intake@csr.test", language = "de" });

        await badEmail.AssertProblemAsync(HttpStatusCode.BadRequest, "email");
        await badCode.AssertProblemAsync(HttpStatusCode.BadRequest, "code");
        await badLanguage.AssertProblemAsync(HttpStatusCode.BadRequest, "language");
    }
}
