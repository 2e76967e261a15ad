using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Safeguard.Testing;

/// <summary>A received e-mail as the SMTP server's API lists it.</summary>
public sealed record ReceivedEmail(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string[] To,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("receivedDate")] DateTimeOffset ReceivedDate);

/// <summary>Reads what the SMTP server (smtp4dev) actually received, through its HTTP API.</summary>
public sealed partial class SmtpInbox(Uri api) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = api, Timeout = TimeSpan.FromSeconds(15) };

    public async Task<IReadOnlyList<ReceivedEmail>> MessagesToAsync(string recipient, CancellationToken cancellationToken = default)
    {
        var page = await _http.GetFromJsonAsync<MessagePage>("api/messages?pageSize=1000", cancellationToken)
            ?? throw new InvalidOperationException("The SMTP API returned nothing.");
        return page.Results.Where(m => m.To.Contains(recipient, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>Waits until <paramref name="count"/> e-mails to the recipient have arrived, and returns them.</summary>
    public Task<IReadOnlyList<ReceivedEmail>> WaitForAsync(string recipient, int count = 1, TimeSpan? timeout = null) =>
        WaitForAsync(recipient, messages => messages.Count >= count, $"{count} e-mail(s)", timeout);

    /// <summary>
    /// Waits until an e-mail to the recipient matches, and returns all of the recipient's e-mails. Use it when
    /// other e-mails (another clock's reminders) may arrive in between, so a count proves nothing.
    /// </summary>
    public Task<IReadOnlyList<ReceivedEmail>> WaitForAsync(string recipient, Func<ReceivedEmail, bool> match, TimeSpan? timeout = null) =>
        WaitForAsync(recipient, messages => messages.Any(match), "the expected e-mail", timeout);

    private async Task<IReadOnlyList<ReceivedEmail>> WaitForAsync(string recipient, Func<IReadOnlyList<ReceivedEmail>, bool> done, string expected,
        TimeSpan? timeout)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var messages = await MessagesToAsync(recipient);
            if (done(messages))
            {
                return messages;
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"{expected} to {recipient} did not arrive in time ({messages.Count} arrived).");
            }
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// The one-time code in the latest e-mail to the recipient that carries one (a team seat's or a referral's
    /// invitation, issue 22 §4) and matches, read from the text as its reader would.
    /// </summary>
    public async Task<string> InvitationCodeAsync(string recipient, Func<ReceivedEmail, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        var read = new HashSet<Guid>();
        while (true)
        {
            foreach (var message in (await MessagesToAsync(recipient)).Where(m => match is null || match(m)).OrderByDescending(m => m.ReceivedDate).Where(m => read.Add(m.Id)))
            {
                var code = InvitationCodePattern().Match(await PlainTextAsync(message.Id));
                if (code.Success)
                {
                    return code.Value;
                }
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"No e-mail with an invitation code reached {recipient} in time.");
            }
            await Task.Delay(250);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\b")]
    private static partial System.Text.RegularExpressions.Regex InvitationCodePattern();

    public Task<string> PlainTextAsync(Guid id) => _http.GetStringAsync($"api/messages/{id}/plaintext");

    public Task<string> HtmlAsync(Guid id) => _http.GetStringAsync($"api/messages/{id}/html");

    public Task<string> SourceAsync(Guid id) => _http.GetStringAsync($"api/messages/{id}/source");

    public void Dispose() => _http.Dispose();

    private sealed record MessagePage([property: JsonPropertyName("results")] ReceivedEmail[] Results);
}
