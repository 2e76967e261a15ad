using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Safeguard.LoadBenchmark;

/// <summary>Reads a seat invitation's code from the e-mail smtp4dev received, as the person seated would.</summary>
public static partial class SeatCodes
{
    public static async Task<string> ReadAsync(Uri smtpApi, string recipient)
    {
        using var http = new HttpClient { BaseAddress = smtpApi, Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        Exception? lastFailure = null;
        while (true)
        {
            try
            {
                if (await FindAsync(http, recipient) is { } code)
                {
                    return code;
                }
            }
            catch (HttpRequestException e)
            {
                // smtp4dev answers 500 now and then while it stores arriving mail (SQLite busy): ask again.
                lastFailure = e;
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"No seat invitation reached {recipient} at {smtpApi}.", lastFailure);
            }
            await Task.Delay(500);
        }
    }

    private static async Task<string?> FindAsync(HttpClient http, string recipient)
    {
        var page = await http.GetFromJsonAsync<JsonElement>("api/messages?pageSize=5000");
        foreach (var message in page.GetProperty("results").EnumerateArray()
                     .Where(m => m.GetProperty("to").EnumerateArray().Any(t => string.Equals(t.GetString(), recipient, StringComparison.OrdinalIgnoreCase))))
        {
            var code = Code().Match(await http.GetStringAsync($"api/messages/{message.GetProperty("id").GetGuid()}/plaintext"));
            if (code.Success)
            {
                return code.Value;
            }
        }
        return null;
    }

    [GeneratedRegex(@"\b[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\b")]
    private static partial Regex Code();
}
