using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Safeguard.Testing;

/// <summary>A case as a test holds it: its id, reference and the ETag of the last read or change.</summary>
public sealed record OpenedCase(Guid Id, string Reference, string ETag, JsonElement Body);

/// <summary>Calls to risk-assessment through the gateway, spelled once.</summary>
public static class RiskAssessmentApi
{
    public const string Cases = "/api/risk-assessment/cases";

    /// <summary>Annex 2 §1: the seven rights a victim is informed of.</summary>
    public static readonly string[] Annex2Rights =
        ["companion", "health-care", "legal-advice-and-representation", "social-protection", "information-in-own-language", "procedures-and-their-course", "information-throughout"];

    /// <summary>Annex 2 §2: the eight protection measures.</summary>
    public static readonly string[] Annex2Measures =
        ["shelter", "health-care", "psychosocial-intervention", "counselling", "sexual-violence-centre", "child-schooling", "legal-aid", "economic-empowerment"];

    /// <summary>A signed Annex 2 form: informed of everything, consenting to the given measures.</summary>
    public static object ConsentForm(string[] consentedMeasures, bool toTeamAndSafetyPlan = true, string[]? informedOfRights = null) => new
    {
        signedAt = DateTimeOffset.UtcNow,
        recordedBy = "Test Professional",
        informedOfRights = informedOfRights ?? Annex2Rights,
        informedOfMeasures = Annex2Measures,
        consentedMeasures,
        consentToTeamAndSafetyPlan = toTeamAndSafetyPlan,
        professionals = new[] { "Test Professional" },
    };

    /// <summary>A case as the police report it to the centre (Rulebook Art. 5), for POST /cases.</summary>
    public static object CaseBody(string centreCode, DateTimeOffset? learnedAt = null, string reportedBy = "police", string victimName = "Test Victim",
        string category = "adult", object[]? household = null) => new
    {
        centreCode,
        reportedBy,
        learnedAt = learnedAt ?? DateTimeOffset.UtcNow.AddMinutes(-10),
        victim = new { fullName = victimName, category },
        household = household ?? [],
        perpetrator = new { fullName = "Test Perpetrator", relationToVictim = "husband" },
    };

    public static async Task<OpenedCase> OpenCaseAsync(this HttpClient gateway, string centreCode, DateTimeOffset? learnedAt = null,
        string reportedBy = "police", string victimName = "Test Victim", string category = "adult", object[]? household = null)
    {
        var response = await gateway.PostAsJsonAsync(Cases, CaseBody(centreCode, learnedAt, reportedBy, victimName, category, household));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new OpenedCase(body.GetProperty("id").GetGuid(), body.GetProperty("reference").GetString()!, ETagOf(response), body);
    }

    public static async Task<OpenedCase> ReadCaseAsync(this HttpClient gateway, Guid id)
    {
        var response = await gateway.GetAsync($"{Cases}/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new OpenedCase(id, body.GetProperty("reference").GetString()!, ETagOf(response), body);
    }

    /// <summary>POSTs JSON with If-Match (pass null to send none).</summary>
    public static async Task<HttpResponseMessage> PostIfMatchAsync(this HttpClient gateway, string path, object body, string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }
        return await gateway.SendAsync(request);
    }

    public static Task<HttpResponseMessage> SubmitAssessmentAsync(this HttpClient gateway, OpenedCase c, object assessment, string? etag = null) =>
        gateway.PostIfMatchAsync($"{Cases}/{c.Id}/assessments", assessment, etag ?? c.ETag);

    /// <summary>An assessment request body around the given answers.</summary>
    public static object Assessment(JsonObject answers, bool childrenInFamily = false, object? judgement = null, DateTimeOffset? assessedAt = null) => new
    {
        assessedAt = assessedAt ?? DateTimeOffset.UtcNow,
        assessedBy = "Test Professional",
        victimInformedOfRights = true, // Rulebook Art. 4, 6
        childrenInFamily,
        answers,
        judgement,
    };

    public static string ETagOf(HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The response carries no ETag.");

    public static async Task<JsonElement[]> ListAsync(this HttpClient gateway, string path) =>
        await gateway.GetFromJsonAsync<JsonElement[]>(path) ?? [];

    /// <summary>
    /// The service's time rounded up to a whole second, for times a test sends back: PostgreSQL keeps
    /// microseconds while .NET ticks are finer, and rounding up never falls before what the service just recorded.
    /// </summary>
    public static async Task<DateTimeOffset> ServiceTimeAsync(this HttpClient gateway, string apiPrefix)
    {
        var now = await gateway.AdvanceClockAsync(apiPrefix, TimeSpan.Zero);
        return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, now.Offset).AddSeconds(1);
    }

    /// <summary>Moves the service's clock forward to <paramref name="at"/> (never back) and returns the service's time.</summary>
    public static async Task<DateTimeOffset> AdvanceClockToAsync(this HttpClient gateway, string apiPrefix, DateTimeOffset at)
    {
        var now = await gateway.AdvanceClockAsync(apiPrefix, TimeSpan.Zero);
        return at > now ? await gateway.AdvanceClockAsync(apiPrefix, at - now) : now;
    }

    /// <summary>Moves the service's clock forward (test harness only; see TestClock) and returns the service's time.</summary>
    public static async Task<DateTimeOffset> AdvanceClockAsync(this HttpClient gateway, string apiPrefix, TimeSpan by)
    {
        var response = await gateway.PostAsJsonAsync($"{apiPrefix}/_test/clock", new { by });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("now").GetDateTimeOffset();
    }
}

/// <summary>
/// Builds a complete Annex 1 answer set from the instrument the service serves: every required item "no",
/// protective items (employed, has support, informed) "yes" so that nothing counts as risk, then overrides.
/// </summary>
public sealed class Answers
{
    private static readonly string[] Protective = ["1.1", "1.21", "2.15", "2.16", "3.2"];
    private readonly JsonObject _answers = [];

    private Answers(IEnumerable<(string Id, bool ChildrenOnly)> required, bool childrenInFamily)
    {
        foreach (var (id, childrenOnly) in required)
        {
            if (!childrenOnly || childrenInFamily)
            {
                _answers[id] = new JsonObject { ["answer"] = Protective.Contains(id) ? "yes" : "no" };
            }
        }
    }

    public static async Task<Answers> AllClearAsync(HttpClient gateway, bool childrenInFamily = false)
    {
        var instrument = await gateway.GetFromJsonAsync<JsonElement>("/api/risk-assessment/instrument");
        var required = instrument.GetProperty("sections").EnumerateArray().SelectMany(section =>
        {
            var childrenOnly = section.TryGetProperty("appliesWhen", out var when) && when.GetString() == "childrenInFamily";
            return section.GetProperty("items").EnumerateArray()
                .Where(i => i.GetProperty("required").GetBoolean())
                .Select(i => (i.GetProperty("id").GetString()!, childrenOnly));
        }).ToList();
        return new Answers(required, childrenInFamily);
    }

    public Answers Set(string answer, params string[] items)
    {
        foreach (var id in items)
        {
            _answers[id] = new JsonObject { ["answer"] = answer };
        }
        return this;
    }

    public Answers Yes(params string[] items) => Set("yes", items);

    public Answers CannotAssess(params string[] items) => Set("cannot-assess", items);

    public Answers Raw(string id, JsonObject answer)
    {
        _answers[id] = answer;
        return this;
    }

    public Answers Without(string id)
    {
        _answers.Remove(id);
        return this;
    }

    public JsonObject Build() => (JsonObject)_answers.DeepClone();
}
