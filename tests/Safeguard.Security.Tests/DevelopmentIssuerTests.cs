using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.Security.Tests;

/// <summary>The development issuer (what eng/token.sh calls): a token for a person, institution and role, and nothing else.</summary>
public sealed class DevelopmentIssuerTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_token_from_the_development_issuer_opens_what_its_role_opens()
    {
        var centre = Names.CentreCode();
        var issued = await platform.Anonymous.PostAsJsonAsync("/dev/token",
            new { subject = "ana-1", roles = new[] { "csr-case-worker" }, institution = centre, institutionKind = "csr", lifetimeMinutes = 30 });
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        using var client = platform.WithToken(body.GetProperty("accessToken").GetString()!);

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(RiskAssessmentApi.Cases, new
        {
            centreCode = centre, reportedBy = "police", learnedAt = DateTimeOffset.UtcNow.AddMinutes(-5), victim = new { fullName = "Test Victim", category = "adult" },
        })).StatusCode);
        await (await client.GetAsync("/api/notifications/institutions")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_unknown_role_or_a_missing_institution_is_named()
    {
        await (await platform.Anonymous.PostAsJsonAsync("/dev/token", new { subject = "x", roles = new[] { "superuser" }, institution = "SK", institutionKind = "csr" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "roles");
        await (await platform.Anonymous.PostAsJsonAsync("/dev/token", new { subject = "x", roles = new[] { "analyst" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "institution", "institutionKind");
    }
}
