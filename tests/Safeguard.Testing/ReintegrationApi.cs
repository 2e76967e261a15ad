using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Safeguard.Testing;

/// <summary>A registered reintegration case as the API returned it, with its ETag and household member ids.</summary>
public sealed record ReintegrationCase(Guid Id, string Reference, string ETag, JsonElement Body)
{
    public Guid Member(int index) => Body.GetProperty("members")[index].GetProperty("id").GetGuid();
}

/// <summary>Calls to reintegration through the gateway, spelled once.</summary>
public static class ReintegrationApi
{
    public const string Prefix = "/api/reintegration";
    public const string Cases = Prefix + "/cases";
    public const string Referrals = Prefix + "/referrals";

    /// <summary>A returning family: a mother (the head), a 9-year-old daughter; adults and children per <paramref name="children"/>.</summary>
    public static object Household(DateTimeOffset now, string surname = "Berisha", int children = 1) => new
    {
        address = "Rr. Dardania 12, Dragash",
        phone = "+383 44 123 456",
        members = new object[] { new { fullName = $"Drita {surname}", dateOfBirth = "1988-04-02", sex = "female", relationship = "head", languages = new[] { "sq", "de" } } }
            .Concat(Enumerable.Range(0, children).Select(i => (object)new
            {
                fullName = $"Arta{i} {surname}",
                dateOfBirth = DateOnly.FromDateTime(now.UtcDateTime).AddYears(-9).ToString("yyyy-MM-dd"),
                sex = "female",
                relationship = "child",
                languages = new[] { "de" },
            })).ToArray(),
    };

    public static async Task<ReintegrationCase> RegisterReturnAsync(this HttpClient gateway, string municipality, DateTimeOffset arrivalAt, string surname = "Berisha")
    {
        var response = await gateway.PostAsJsonAsync(Cases + "/", new
        {
            municipalityCode = municipality,
            csrCode = "DR",
            category = "repatriated",
            arrivalKind = "return",
            arrivalAt,
            household = Household(arrivalAt, surname),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new ReintegrationCase(body.GetProperty("id").GetGuid(), body.GetProperty("reference").GetString()!, RiskAssessmentApi.ETagOf(response), body);
    }

    public static async Task<ReintegrationCase> ReadAsync(this HttpClient gateway, Guid id)
    {
        var response = await gateway.GetAsync($"{Cases}/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new ReintegrationCase(id, body.GetProperty("reference").GetString()!, RiskAssessmentApi.ETagOf(response), body);
    }

    /// <summary>A complete needs-assessment form: every area "none" except those given as needed.</summary>
    public static object NeedsForm(DateTimeOffset visitedAt, params (string Area, Guid? Member)[] needed) => new
    {
        visitedAt,
        visitors = new[]
        {
            new { fullName = "Visiting Officer", institution = "Municipal office for communities and return", represents = "municipal-office-for-communities-and-returns" },
            new { fullName = "Social Worker", institution = "CSR Dragash", represents = "centre-for-social-work" },
        },
        needs = new[] { "civil-documents", "employment-and-skills", "social-assistance", "health", "mental-health", "housing", "education-and-language", "legal-aid" }
            .Where(a => needed.All(n => n.Area != a)).Select(a => (object)new { area = a, level = "none" })
            .Concat(needed.Select(n => (object)new { area = n.Area, level = "needed", memberId = n.Member, note = "Assessed on the visit." }))
            .ToArray(),
    };

    /// <summary>Records the visit and form; returns the case's new ETag.</summary>
    public static async Task<string> AssessNeedsAsync(this HttpClient gateway, ReintegrationCase c, string etag, object form)
    {
        var response = await gateway.PostIfMatchAsync($"{Cases}/{c.Id}/needs-assessments", form, etag);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return RiskAssessmentApi.ETagOf(response);
    }

    /// <summary>Adopts a plan; returns the plan and the case's new ETag.</summary>
    public static async Task<(JsonElement Plan, string ETag)> AdoptPlanAsync(this HttpClient gateway, ReintegrationCase c, string etag, DateTimeOffset adoptedAt,
        params (string Package, Guid? Member)[] items)
    {
        var response = await gateway.PostIfMatchAsync($"{Cases}/{c.Id}/plan", new
        {
            adoptedAt,
            items = items.Select(i => new { package = i.Package, memberId = i.Member, responsibleName = "Responsible body", dueOn = DateOnly.FromDateTime(adoptedAt.UtcDateTime).AddMonths(2).ToString("yyyy-MM-dd") }),
        }, etag);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(), RiskAssessmentApi.ETagOf(response));
    }

    /// <summary>Records a data-sharing consent; returns the case's new ETag.</summary>
    public static async Task<string> ConsentAsync(this HttpClient gateway, ReintegrationCase c, string etag, Guid member, DateTimeOffset givenAt, bool guardian, params string[] institutions)
    {
        var response = await gateway.PostIfMatchAsync($"{Cases}/{c.Id}/consents", new
        {
            memberId = member,
            givenBy = guardian ? "guardian" : "self",
            guardianName = guardian ? "Drita Parent" : null,
            givenAt,
            institutions,
        }, etag);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Recording the consent answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return RiskAssessmentApi.ETagOf(response);
    }

    public static object Referral(Guid caseId, string service, Guid[] members, string contactEmail, Guid? planItemId = null) => new
    {
        caseId,
        planItemId,
        service,
        memberIds = members,
        recipient = new { institutionName = "Receiving institution", contactName = "Receiving Contact", contactEmail, language = "sq" },
        request = "Please provide the service assessed as needed.",
        sentBy = "Referring Officer",
    };

    /// <summary>Moves a referral on, at the service's present time.</summary>
    /// <summary>
    /// The referral's contact takes it (issue 22 §4): reads the code from the referral's e-mail, as she would, and
    /// presents it as <paramref name="who"/>, whose account then answers it.
    /// </summary>
    public static async Task ClaimReferralAsync(this PlatformFixture platform, HttpClient who, string contactEmail, string reference)
    {
        var code = await platform.Inbox.InvitationCodeAsync(contactEmail, e => e.Subject.Contains($"{reference}:", StringComparison.Ordinal));
        var claimed = await who.PostAsJsonAsync(Referrals + "/claims", new { code });
        Assert.True(claimed.StatusCode == HttpStatusCode.OK, $"Taking referral {reference}: {(int)claimed.StatusCode} {await claimed.Content.ReadAsStringAsync()}");
    }

    public static async Task<HttpResponseMessage> MoveReferralAsync(this HttpClient gateway, Guid referralId, string etag, string to,
        string? note = null, string? outcome = null)
    {
        var at = await gateway.ServiceTimeAsync(Prefix);
        return await gateway.PostIfMatchAsync($"{Referrals}/{referralId}/transitions", new { to, at, by = "Institution Officer", note, outcome }, etag);
    }

    public static async Task<JsonElement[]> ClocksAsync(this HttpClient gateway, Guid caseId) =>
        (await gateway.ReadAsync(caseId)).Body.GetProperty("clocks").EnumerateArray().ToArray();
}
