namespace Safeguard.Security.Tests;

/// <summary>
/// Issue 24 §11: the message tables and the e-mail log stop growing without bound. A sent outbox row is deleted
/// after 7 days, a consumed message's inbox row after 30 (long past any redelivery, so duplicates are still
/// caught), and a delivered e-mail's body (its template model) is emptied after 30 while the delivery log keeps
/// who was sent what template, when. Rows of a real case's e-mail are aged in the database (time cannot be waited
/// for), the services' clean-up is woken, and rows of the same age minus a day stay.
/// </summary>
public sealed class DataRetentionTests(PlatformFixture platform)
{
    [Fact]
    public async Task Sent_events_consumed_messages_and_delivered_email_bodies_are_cleaned_up_after_their_windows_and_nothing_younger()
    {
        var (aged, young) = (await EmailedCaseAsync(), await EmailedCaseAsync());
        await AgeAsync(aged, days: 0);
        await AgeAsync(young, days: -1);

        await platform.Gateway.AdvanceClockAsync("/api/risk-assessment", TimeSpan.Zero);
        await platform.Gateway.AdvanceClockAsync("/api/notifications", TimeSpan.Zero);

        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (await OutboxAsync(aged.MessageId) + await InboxAsync(aged.MessageId) > 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(250);
        }
        Assert.True(await OutboxAsync(aged.MessageId) == 0, "The sent event is still there. The clean-up said: "
            + string.Join(" | ", platform.LogLines.Where(l => l.Contains("Retention", StringComparison.Ordinal)).TakeLast(5)));
        Assert.Equal(0, await InboxAsync(aged.MessageId));
        var log = Assert.Single(await platform.QueryAsync("notification-db",
            "SELECT status, recipient, template, model::text FROM notifications WHERE cause_message_id = @id", ("id", aged.MessageId)));
        Assert.Equal(["Sent", Names.Mailbox(aged.Centre), "case-opened", "{}"], log.Select(v => v.ToString()));

        Assert.Equal(1, await OutboxAsync(young.MessageId));
        Assert.Equal(1, await InboxAsync(young.MessageId));
        Assert.NotEqual("{}", (string)Assert.Single(await platform.QueryAsync("notification-db",
            "SELECT model::text FROM notifications WHERE cause_message_id = @id", ("id", young.MessageId)))[0]);
    }

    /// <summary>
    /// Issue 25 §6: the hourly clean-up finds the rows past their window through an index, in every service's
    /// database, so it reads what is due rather than the whole week of sent events or month of consumed messages.
    /// The planner is told to avoid full and bitmap scans (which it may prefer on a small table), so its plan names
    /// the index that serves the lookup, if there is one.
    /// </summary>
    [Theory]
    [InlineData("risk-assessment-db")]
    [InlineData("safety-plan-db")]
    [InlineData("reintegration-db")]
    [InlineData("training-registry-db")]
    [InlineData("notification-db")]
    [InlineData("identity-db")]
    public async Task The_clean_up_reads_only_the_rows_past_their_window(string database)
    {
        async Task<string> PlanOf(string query) => string.Join("\n",
            (await platform.QueryAsync(database, "SET enable_seqscan = off; SET enable_bitmapscan = off; EXPLAIN " + query)).Select(row => row[0]));

        var outbox = await PlanOf(
            "SELECT id FROM outbox_messages WHERE sent_at IS NOT NULL AND sent_at < now() - interval '7 days' ORDER BY sent_at LIMIT 500");
        Assert.True(outbox.Contains("Index Scan using ix_outbox_messages_sent") && !outbox.Contains("Sort"), outbox);
        var inbox = await PlanOf("SELECT message_id FROM inbox_messages WHERE processed_at < now() - interval '30 days' LIMIT 500");
        Assert.True(inbox.Contains("Index Scan using ix_inbox_messages_processed"), inbox);
    }

    private sealed record EmailedCase(string Centre, Guid MessageId);

    /// <summary>A case opened at a centre with a mailbox: its event is sent, consumed and e-mailed.</summary>
    private async Task<EmailedCase> EmailedCaseAsync()
    {
        var centre = Names.CentreCode();
        await platform.Gateway.RegisterMailboxAsync(centre, Names.Mailbox(centre));
        var c = await platform.As(Personas.Supervisor(centre)).OpenCaseAsync(centre);
        await platform.Inbox.WaitForAsync(Names.Mailbox(centre));
        // The e-mail lands a moment before its row says so, and the event's row is marked sent on the broker's confirm.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        while (true)
        {
            var rows = await platform.QueryAsync("notification-db",
                "SELECT cause_message_id FROM notifications WHERE case_reference = @reference AND status = 'Sent'", ("reference", c.Reference));
            if (rows.Count == 1 && (await platform.QueryAsync("risk-assessment-db",
                    "SELECT 1 FROM outbox_messages WHERE id = @id AND sent_at IS NOT NULL", ("id", rows[0][0]))).Count == 1)
            {
                return new EmailedCase(centre, (Guid)rows[0][0]);
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, $"case {c.Reference}: no sent e-mail row with a sent event");
            await Task.Delay(200);
        }
    }

    /// <summary>Moves the rows back by their windows plus <paramref name="days"/> and an hour: past it at 0, a day short of it at -1.</summary>
    private async Task AgeAsync(EmailedCase emailed, int days)
    {
        var id = ("id", (object)emailed.MessageId);
        const string hour = "- interval '1 hour'";
        await platform.QueryAsync("risk-assessment-db", $"UPDATE outbox_messages SET sent_at = sent_at - interval '{7 + days} days' {hour} WHERE id = @id", id);
        await platform.QueryAsync("notification-db", $"UPDATE inbox_messages SET processed_at = processed_at - interval '{30 + days} days' {hour} WHERE message_id = @id", id);
        await platform.QueryAsync("notification-db", $"UPDATE notifications SET sent_at = sent_at - interval '{30 + days} days' {hour} WHERE cause_message_id = @id", id);
    }

    private async Task<long> OutboxAsync(Guid id) =>
        (long)Assert.Single(await platform.QueryAsync("risk-assessment-db", "SELECT count(*) FROM outbox_messages WHERE id = @id", ("id", id)))[0];

    private async Task<long> InboxAsync(Guid id) =>
        (long)Assert.Single(await platform.QueryAsync("notification-db", "SELECT count(*) FROM inbox_messages WHERE message_id = @id", ("id", id)))[0];
}
