using System.Net;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Security.Tests;

/// <summary>The gateway as a shield: security headers, CORS closed, rate limits per client that answer 429 problems.</summary>
public sealed class GatewayShieldTests(PlatformFixture platform)
{
    private const string Instrument = "/api/risk-assessment/instrument";

    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_no_server_banner()
    {
        foreach (var response in new[] { await platform.As(Personas.Analyst()).GetAsync(Instrument), await platform.Anonymous.GetAsync(Instrument) })
        {
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
            Assert.True(response.Headers.CacheControl?.NoStore);
            Assert.False(response.Headers.Contains("Server"));
        }
    }

    [Fact]
    public async Task A_browser_on_another_origin_is_not_let_in()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, RiskAssessmentApi.Cases);
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        var answer = await platform.Anonymous.SendAsync(preflight);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));

        using var simple = new HttpRequestMessage(HttpMethod.Get, Instrument);
        simple.Headers.Add("Origin", "https://evil.example");
        Assert.False((await platform.As(Personas.Analyst()).SendAsync(simple)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_client_over_its_rate_gets_429_problems_and_others_are_not_held_up()
    {
        // A script of its own institution, so the per-institution bucket of other tests stays untouched.
        var runaway = platform.As(new TokenSubject($"runaway-{Guid.NewGuid():N}", [PlatformRoles.Analyst], "TXRUNAWAY", "ministry"));
        var burst = Task.WhenAll(Enumerable.Range(0, 700).Select(_ => runaway.GetAsync(Instrument)));
        // While the burst is under way, another caller of the same service gets her answer: the runaway may have only
        // 10 requests in the service's turns, never all of them.
        Assert.Equal(HttpStatusCode.OK, (await platform.As(Personas.Analyst()).GetAsync(Instrument)).StatusCode);
        var answers = await burst;

        var limited = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        await limited[0].AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(Assert.Single(limited[0].Headers.GetValues("Retry-After"))) >= 1);
        Assert.Equal(HttpStatusCode.OK, (await platform.As(Personas.Analyst()).GetAsync(Instrument)).StatusCode);
    }
}
