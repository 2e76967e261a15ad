using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Security.Tests;

/// <summary>Tokens that must not open anything: expired, not yet valid, forged, unsigned, tampered, for another audience.</summary>
public sealed class TokenAbuseTests(PlatformFixture platform)
{
    private readonly string _centre = Names.CentreCode();

    public static TheoryData<string> Abuses => ["expired", "not-yet-valid", "forged", "unsigned", "tampered", "other-audience", "other-issuer", "garbage"];

    [Theory]
    [MemberData(nameof(Abuses))]
    public async Task A_bad_token_gets_401_and_changes_nothing(string abuse)
    {
        using var client = platform.WithToken(TokenFor(abuse));

        var read = await client.GetAsync(RiskAssessmentApi.Cases);
        var problem = await read.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", read.Headers.WwwAuthenticate.ToString());
        var open = await client.PostAsJsonAsync(RiskAssessmentApi.Cases, new
        {
            centreCode = _centre, reportedBy = "police", learnedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            victim = new { fullName = "Test Victim", category = "adult" },
        });
        await open.AssertProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(0L, (await platform.QueryAsync("risk-assessment-db", "SELECT count(*) FROM cases WHERE centre_code = @c", ("c", _centre)))[0][0]);
        Assert.False(problem.TryGetProperty("errors", out _));
    }

    private string TokenFor(string abuse)
    {
        var who = Personas.Supervisor(_centre);
        var now = DateTimeOffset.UtcNow;
        using var otherKey = RSA.Create(2048);
        var forgedSigner = platform.Signer with
        {
            Credentials = new SigningCredentials(new RsaSecurityKey(otherKey) { KeyId = "forged" }, SecurityAlgorithms.RsaSha256),
        };
        return abuse switch
        {
            "expired" => platform.Token(who, TimeSpan.FromMinutes(10), now.AddHours(-2)),
            "not-yet-valid" => platform.Token(who, TimeSpan.FromHours(1), now.AddHours(2)),
            "forged" => DevelopmentTokens.Issue(forgedSigner, who, TimeSpan.FromHours(1)),
            "unsigned" => Unsigned(platform.Token(who)),
            "tampered" => Tampered(platform.Token(Personas.CaseWorker(_centre))),
            "other-audience" => DevelopmentTokens.Issue(platform.Signer with { Audience = "another-system" }, who, TimeSpan.FromHours(1)),
            "other-issuer" => DevelopmentTokens.Issue(platform.Signer with { Issuer = "https://idp.elsewhere.test" }, who, TimeSpan.FromHours(1)),
            _ => "not-a-token",
        };
    }

    /// <summary>The same claims with "alg": "none" and no signature.</summary>
    private static string Unsigned(string token)
    {
        var parts = token.Split('.');
        return $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}.{parts[1]}.";
    }

    /// <summary>A case worker's token with her role rewritten to platform administrator, the signature kept.</summary>
    private static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace(PlatformRoles.CsrCaseWorker, PlatformRoles.CsrSupervisor, StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }
}
