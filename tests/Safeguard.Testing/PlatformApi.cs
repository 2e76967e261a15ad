using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Safeguard.Testing;

/// <summary>The calls tests make again and again, spelled once: through the gateway, as a user would.</summary>
public static class PlatformApi
{
    public static async Task RegisterMailboxAsync(this HttpClient gateway, string centreCode, string email, string language = "en")
    {
        var response = await gateway.PutAsJsonAsync($"/api/notifications/institutions/{centreCode}",
            new { name = $"Centre for social work {centreCode}", email, language });
        Assert.True(response.IsSuccessStatusCode, $"Registering the mailbox answered {(int)response.StatusCode}.");
    }

    public static async Task<JsonElement[]> DeliveryLogAsync(this HttpClient gateway, string caseReference) =>
        await gateway.GetFromJsonAsync<JsonElement[]>($"/api/notifications/?caseReference={Uri.EscapeDataString(caseReference)}")
        ?? [];

    /// <summary>Polls the delivery log until the case has a notification in the given status.</summary>
    public static async Task<JsonElement[]> WaitForDeliveryAsync(this HttpClient gateway, string caseReference, string status, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var log = await gateway.DeliveryLogAsync(caseReference);
            if (log.Any(n => n.GetProperty("status").GetString() == status))
            {
                return log;
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"No notification of {caseReference} reached '{status}' in time.");
            }
            await Task.Delay(250);
        }
    }
}
