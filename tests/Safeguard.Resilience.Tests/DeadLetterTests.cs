using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.Resilience.Tests;

/// <summary>
/// A message that keeps failing ends in its queue's error queue after the retries; the operator sees it,
/// fixes the cause and replays it with the documented command, and the work it carries is then done once
/// (issue 10). The fault is real: a trigger in the notification database refuses this centre's e-mails, as
/// a broken constraint or a bad deployment would, until the operator removes it.
/// </summary>
public sealed class DeadLetterTests(PlatformFixture platform)
{
    private const string Queue = "notification-case-opened";

    [Fact]
    public async Task A_message_that_failed_all_its_retries_waits_in_the_error_queue_until_the_operator_replays_it()
    {
        var centre = Names.CentreCode();
        var mailbox = Names.Mailbox(centre);
        await platform.Gateway.RegisterMailboxAsync(centre, mailbox);
        var trigger = $"refuse_{centre.ToLowerInvariant().Replace('-', '_')}";
        await platform.QueryAsync("notification-db", $"""
            CREATE FUNCTION {trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.recipient = '{mailbox}' THEN RAISE EXCEPTION 'refused by the test'; END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER {trigger} BEFORE INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION {trigger}();
            """);

        var opened = await platform.As(Personas.Supervisor(centre)).OpenCaseAsync(centre);
        // Seven attempts with back-off (MessagingRegistration), then the error queue.
        var waiting = await WaitForDeadLetterAsync(TimeSpan.FromMinutes(2));
        Assert.Equal("Npgsql.PostgresException", waiting.GetProperty("exceptionType").GetString());
        Assert.Equal("Safeguard.Contracts.RiskAssessment.CaseOpened", waiting.GetProperty("messageType").GetString());
        Assert.Empty(await platform.Inbox.MessagesToAsync(mailbox));

        // Only a platform administrator sees or moves dead letters.
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.As(Personas.Supervisor(centre)).GetAsync("/api/notifications/dead-letters")).StatusCode);

        // The operator fixes the cause, then replays with the documented command.
        await platform.QueryAsync("notification-db", $"DROP TRIGGER {trigger} ON notifications; DROP FUNCTION {trigger}();");
        var output = await RunAsync("eng/dead-letters.sh", "replay", "notifications", Queue, waiting.GetProperty("messageId").GetString()!);
        Assert.Contains("\"replayed\": 1", output);

        var email = Assert.Single(await platform.Inbox.WaitForAsync(mailbox, 1, TimeSpan.FromMinutes(1)));
        Assert.Contains(opened.Reference, email.Subject);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(await platform.Inbox.MessagesToAsync(mailbox));
        Assert.Equal(0, (await QueueAsync()).GetProperty("count").GetInt32());
    }

    private async Task<JsonElement> QueueAsync()
    {
        var queues = await platform.Gateway.GetFromJsonAsync<JsonElement>("/api/notifications/dead-letters");
        return queues.EnumerateArray().Single(q => q.GetProperty("queue").GetString() == Queue);
    }

    private async Task<JsonElement> WaitForDeadLetterAsync(TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var queue = await QueueAsync();
            if (queue.GetProperty("count").GetInt32() > 0)
            {
                Assert.Equal(1, queue.GetProperty("count").GetInt32());
                Assert.Equal(Queue + "_error", queue.GetProperty("errorQueue").GetString());
                return Assert.Single(queue.GetProperty("messages").EnumerateArray());
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, "No message reached the error queue.");
            await Task.Delay(1000);
        }
    }

    /// <summary>Runs a script of the repository as an operator would, against the test platform's gateway.</summary>
    private async Task<string> RunAsync(string script, params string[] arguments)
    {
        var outcome = await RepositoryCommands.RunAsync("bash", [script, .. arguments], new Dictionary<string, string>
        {
            ["SAFEGUARD_GATEWAY"] = platform.Gateway.BaseAddress!.ToString().TrimEnd('/'),
            ["SAFEGUARD_TOKEN"] = platform.Token(Personas.PlatformAdmin()),
        });
        Assert.True(outcome.ExitCode == 0, $"{script} exited with {outcome.ExitCode}: {outcome.Errors}");
        return outcome.Output;
    }
}
