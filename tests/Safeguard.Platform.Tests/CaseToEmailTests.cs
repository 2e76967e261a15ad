using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.Platform.Tests;

/// <summary>
/// The first thread through the whole system: a case opened through the gateway is stored by
/// risk-assessment, its event crosses RabbitMQ, and notification's e-mail lands in the SMTP inbox.
/// Each hop is checked where a user (or an operator) would see it; breaking any one fails this test.
/// </summary>
public sealed class CaseToEmailTests(PlatformFixture platform)
{
    /// <summary>This test's centre (a new one per test) and its supervisor, who works its cases.</summary>
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    [Fact]
    public async Task A_case_opened_through_the_gateway_is_stored_and_emailed_to_its_centre()
    {
        var centre = _centre;
        var mailbox = Names.Mailbox(centre);
        await platform.Gateway.RegisterMailboxAsync(centre, mailbox);
        var learnedAt = new DateTimeOffset(DateTime.UtcNow.AddMinutes(-30).Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);

        // HTTP through the gateway to risk-assessment.
        var response = await Csr.PostAsJsonAsync("/api/risk-assessment/cases",
            new { centreCode = centre, reportedBy = "police", learnedAt, victim = new { fullName = "Test Victim", category = "adult" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var opened = await response.Content.ReadFromJsonAsync<JsonElement>();
        var reference = opened.GetProperty("reference").GetString()!;
        Assert.Equal($"{centre}-{DateTime.UtcNow.Year}-00001", reference);
        // Rulebook Art. 5: the assessment is due 12 hours after the centre learned of the violence.
        Assert.Equal(learnedAt.AddHours(12), opened.GetProperty("assessmentDueAt").GetDateTimeOffset());

        // The database: the case reads back through the gateway from its Location.
        var stored = await Csr.GetFromJsonAsync<JsonElement>(response.Headers.Location!);
        Assert.Equal(reference, stored.GetProperty("reference").GetString());

        // SMTP: the centre's mailbox received exactly one e-mail naming the case and its deadline.
        var emails = await platform.Inbox.WaitForAsync(mailbox);
        var email = Assert.Single(emails);
        Assert.Contains(reference, email.Subject);
        Assert.Equal("safeguard@localhost", email.From);
        var text = await platform.Inbox.PlainTextAsync(email.Id);
        Assert.Contains(reference, text);
        Assert.Contains("12 hours", text);
        Assert.Contains(reference, await platform.Inbox.HtmlAsync(email.Id));

        // The delivery log says what happened, once.
        var log = await platform.Gateway.WaitForDeliveryAsync(reference, "sent");
        var entry = Assert.Single(log);
        Assert.Equal(mailbox, entry.GetProperty("recipient").GetString());
        Assert.Equal("CaseOpened", entry.GetProperty("cause").GetString());
        Assert.Equal(1, entry.GetProperty("attempts").GetInt32());

        // The bus: the event left risk-assessment's outbox, marked sent after the broker confirmed it.
        var outbox = await platform.QueryAsync("risk-assessment-db",
            "SELECT id, sent_at IS NOT NULL FROM outbox_messages WHERE payload->>'caseReference' = @reference",
            ("reference", reference));
        var row = Assert.Single(outbox);
        Assert.Equal(entry.GetProperty("causeMessageId").GetGuid(), (Guid)row[0]);
        Assert.True((bool)row[1], "The outbox row is marked sent.");
    }
}
