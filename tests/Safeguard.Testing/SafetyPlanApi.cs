using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Safeguard.Testing;

/// <summary>Calls to safety-plan through the gateway, spelled once.</summary>
public static class SafetyPlanApi
{
    public const string Teams = "/api/safety-plans/teams";
    public const string Plans = "/api/safety-plans/plans";
    public const string SeatAcceptance = "/api/safety-plans/seats/acceptance";

    /// <summary>A plan's clock of one kind (and owner, where several members have one).</summary>
    public static JsonElement Clock(JsonElement plan, string clock, string? owner = null) =>
        plan.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("clock").GetString() == clock
            && (owner is null || c.GetProperty("owner").GetString() == owner));

    /// <summary>Waits until safety-plan holds a plan for the case (it starts from risk-assessment's event) and returns it.</summary>
    /// <summary>
    /// Waits until safety-plan has learned of the case from risk-assessment's CaseOpened event: it takes a
    /// case's centre from there, so an individual plan can be written only after.
    /// </summary>
    public static async Task WaitUntilSafetyPlanKnowsAsync(this PlatformFixture platform, Guid caseId, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while ((await platform.QueryAsync("safety-plan-db", "SELECT 1 FROM known_cases WHERE case_id = @id", ("id", caseId))).Count == 0)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"safety-plan did not learn of case {caseId} in time.");
            await Task.Delay(200);
        }
    }

    public static async Task<JsonElement> WaitForPlanAsync(this HttpClient gateway, Guid caseId, Func<JsonElement, bool>? until = null, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var response = await gateway.GetAsync($"{Plans}/by-case/{caseId}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var plan = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (until is null || until(plan))
                {
                    return plan;
                }
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"No safety plan for case {caseId} in time (last answer {(int)response.StatusCode}).");
            }
            await Task.Delay(250);
        }
    }

    public const string Kpis = "/api/safety-plans/kpis";

    /// <summary>A KPI report's line by its code.</summary>
    public static JsonElement KpiLine(JsonElement report, string code) =>
        report.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("code").GetString() == code);

    /// <summary>
    /// Reads the KPIs (<paramref name="query"/>, e.g. "period=2026-03") until <paramref name="until"/> holds: safety-plan
    /// learns cases and assessments from risk-assessment's events. The last report once the time is up, for the caller's asserts.
    /// </summary>
    public static async Task<JsonElement> WaitForKpisAsync(this HttpClient gateway, string query, Func<JsonElement, bool> until, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var report = await gateway.GetFromJsonAsync<JsonElement>($"{Kpis}?{query}");
            if (Holds(until, report) || DateTimeOffset.UtcNow > deadline)
            {
                return report;
            }
            await Task.Delay(500);
        }
    }

    private static bool Holds(Func<JsonElement, bool> until, JsonElement report)
    {
        try
        {
            return until(report);
        }
        catch (InvalidOperationException)
        {
            return false; // a count still null (withheld, or not yet there)
        }
    }

    /// <summary>A police report proposing removal from the home: risk-assessment convenes the team (Art. 19).</summary>
    public static Task<HttpResponseMessage> ReportEmergencyMeasureAsync(this HttpClient gateway, OpenedCase c, string etag, string reference = "PS-2026/77") =>
        gateway.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/police-reports", new
        {
            reportReference = reference,
            policeStation = "Police station Centar",
            reportedAt = DateTimeOffset.UtcNow,
            emergencyMeasureProposed = true,
            proposedMeasures = new[] { "removal-from-home", "ban-on-approaching-home" },
        }, etag);

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

    /// <summary>The work address <see cref="CreateTeamAsync"/> seats an institution's member (or deputy) at.</summary>
    public static string SeatEmail(string institution, string centreCode, string role = "member") =>
        $"{institution}.{role}.{centreCode}@institution.test".ToLowerInvariant();

    /// <summary>
    /// Takes the seat whose invitation went to <paramref name="email"/> (issue 22 §4): reads the code from the e-mail,
    /// as its person would, and presents it as <paramref name="who"/>, whose account then holds the seat.
    /// </summary>
    public static async Task<JsonElement> AcceptSeatAsync(this PlatformFixture platform, HttpClient who, string email)
    {
        var code = await platform.Inbox.InvitationCodeAsync(email);
        var accepted = await who.PostAsJsonAsync(SeatAcceptance, new { code });
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, $"Accepting the seat of {email}: {(int)accepted.StatusCode} {await accepted.Content.ReadAsStringAsync()}");
        return await accepted.Content.ReadFromJsonAsync<JsonElement>();
    }

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

    public static async Task<HttpResponseMessage> DeleteIfMatchAsync(this HttpClient gateway, string path, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, path);
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await gateway.SendAsync(request);
    }
}
