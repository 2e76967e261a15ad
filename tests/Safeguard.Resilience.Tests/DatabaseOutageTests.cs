using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Safeguard.Resilience.Tests;

/// <summary>
/// PostgreSQL restarts under the services (issue 10): a request during the outage gets a clear 503 problem
/// within seconds, never a hang; the services recover on their own once it is back; nothing is half-written.
/// </summary>
public sealed class DatabaseOutageTests(PlatformFixture platform)
{
    [Fact]
    public async Task During_a_database_restart_requests_get_a_503_problem_and_the_services_recover_without_a_restart()
    {
        var centre = Names.CentreCode();
        var municipality = Names.CentreCode();
        var csr = platform.As(Personas.Supervisor(centre));
        var officer = platform.As(Personas.ReintegrationOfficer(municipality));
        await csr.OpenCaseAsync(centre);
        var created = 1;

        await platform.SetRunningAsync("postgres", running: false);
        try
        {
            var watch = Stopwatch.StartNew();
            var refused = await csr.PostAsJsonAsync(RiskAssessmentApi.Cases, Outages.CaseBody(centre));
            var answeredIn = watch.Elapsed;
            await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.True(answeredIn < TimeSpan.FromSeconds(15), $"The refusal took {answeredIn}.");
            await (await officer.GetAsync($"{ReintegrationApi.Cases}/?municipality={municipality}")).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            await platform.SetRunningAsync("postgres", running: true);
        }

        // The same service processes take requests again once the server is back.
        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);
        HttpResponseMessage opened;
        do
        {
            opened = await csr.PostAsJsonAsync(RiskAssessmentApi.Cases, Outages.CaseBody(centre));
            if (opened.StatusCode == HttpStatusCode.Created)
            {
                created++;
                break;
            }
            await opened.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            await Task.Delay(1000);
        }
        while (DateTimeOffset.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"{ReintegrationApi.Cases}/?municipality={municipality}")).StatusCode);

        // Only requests answered 201 left a case behind.
        var rows = await platform.QueryAsync("risk-assessment-db", "SELECT count(*) FROM cases WHERE centre_code = @centre", ("centre", centre));
        Assert.Equal((long)created, rows[0][0]);
    }
}
