using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Safeguard.Testing;

/// <summary>Calls to safety-plan through the gateway, spelled once.</summary>
public static class SafetyPlanApi
{
    public const string Teams = "/api/safety-plans/teams";

    public static object Contact(string name, string language = "en") => new
    {
        fullName = name,
        email = $"{name.ToLowerInvariant().Replace(' ', '.')}@institution.test",
        officeAddress = "Street 1, Skopje",
        officePhone = "+389 2 3100 100",
        mobile = "+389 70 100 100",
        outOfHoursContact = "+389 70 200 200",
        preferredLanguage = language,
    };

    /// <summary>Creates a team for the centre and seats the given institutions (a member and a deputy each).</summary>
    public static async Task<(Guid Id, string ETag)> CreateTeamAsync(this HttpClient gateway, string centreCode, params string[] institutions)
    {
        var created = await gateway.PostAsJsonAsync(Teams, new { centreCode, name = $"Multisectoral team {centreCode}" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var etag = RiskAssessmentApi.ETagOf(created);
        foreach (var institution in institutions)
        {
            var seated = await gateway.PutIfMatchAsync($"{Teams}/{id}/institutions/{institution}", new
            {
                institutionName = $"{institution} {centreCode}",
                member = Contact($"{institution} Member {centreCode}"),
                deputy = Contact($"{institution} Deputy {centreCode}", "mk"),
            }, etag);
            Assert.Equal(HttpStatusCode.OK, seated.StatusCode);
            etag = RiskAssessmentApi.ETagOf(seated);
        }
        return (id, etag);
    }

    public static async Task<HttpResponseMessage> PutIfMatchAsync(this HttpClient gateway, string path, object body, string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }
        return await gateway.SendAsync(request);
    }
}
