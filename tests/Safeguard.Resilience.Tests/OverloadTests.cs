using System.Diagnostics;
using System.Net;
using Npgsql;

namespace Safeguard.Resilience.Tests;

/// <summary>
/// A service past its capacity (issue 25 §1): the gateway refuses what it cannot admit at once with a 503 problem and
/// Retry-After instead of queueing it; a request that finds the service's connection pool busy is told the service is
/// busy, not that its database is down; the service stays healthy and in routing, and answers what it admitted once
/// the load passes. The load here is a lock held on the cases, so that the requests sent first are deterministically
/// in flight while the next ones are sent.
/// </summary>
public sealed class OverloadTests(PlatformFixture platform)
{
    /// <summary>The connections of a service's pool (DatabaseRegistration.MaxPoolSize).</summary>
    private const int PoolSize = 20;

    /// <summary>More than the gateway ever gives a service at once (ServiceAdmission.Defaults.Concurrency is 20).</summary>
    private const int ThroughGateway = 25;

    [Fact]
    public async Task Past_a_services_capacity_the_excess_is_refused_at_once_and_the_service_stays_healthy_and_recovers()
    {
        var centre = Names.CentreCode();
        var csr = platform.As(Personas.Supervisor(centre));
        var direct = platform.Direct("risk-assessment", Personas.Supervisor(centre));
        var opened = await csr.OpenCaseAsync(centre);
        var casePath = $"{RiskAssessmentApi.Cases}/{opened.Id}";

        await using var holder = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(
            await platform.AdministratorConnectionStringAsync("risk-assessment-db")) { Pooling = false }.ConnectionString);
        await holder.OpenAsync();
        var hold = await holder.BeginTransactionAsync();
        await using (var lockCases = new NpgsqlCommand("LOCK TABLE cases IN ACCESS EXCLUSIVE MODE", holder, hold))
        {
            await lockCases.ExecuteNonQueryAsync();
        }
        Task<HttpResponseMessage>[] aroundGateway, throughGateway;
        HttpResponseMessage[] refused;
        try
        {
            // Around the gateway, enough requests to take every connection of the service's pool.
            aroundGateway = Enumerable.Range(0, PoolSize).Select(_ => direct.GetAsync(casePath)).ToArray();
            await WaitForLockWaitersAsync(PoolSize);

            // The next one waits for a connection and is told what that is: load, not an outage.
            var busy = await direct.GetAsync(casePath);
            var busyProblem = await busy.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("The service is busy.", busyProblem.GetProperty("title").GetString());
            Assert.NotNull(busy.Headers.RetryAfter);

            // The database is up: the service says it is healthy, over connections of its health check's own.
            Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync("/health")).StatusCode);

            // Through the gateway, the requests past the service's turns are refused within their queue time, while
            // the admitted ones still wait: what could not be admitted is not kept waiting with them.
            var sent = Stopwatch.StartNew();
            // Each from a colleague of her own, as one client may have only 10 requests under way (RateLimits).
            throughGateway = Enumerable.Range(0, ThroughGateway)
                .Select(i => platform.As(Personas.Supervisor(centre) with { Subject = $"sv-{centre}-{i}" }).GetAsync(casePath)).ToArray();
            while (throughGateway.Count(t => t.IsCompleted) < ThroughGateway - 20 && sent.Elapsed < TimeSpan.FromSeconds(4))
            {
                await Task.Delay(50);
            }
            refused = throughGateway.Where(t => t.IsCompleted).Select(t => t.Result).ToArray();
            Assert.True(refused.Length >= ThroughGateway - 20, $"{refused.Length} answered in {sent.Elapsed}: the excess queued instead.");
            foreach (var answer in refused)
            {
                var problem = await answer.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
                Assert.Equal("risk-assessment is at capacity.", problem.GetProperty("title").GetString());
                Assert.NotNull(answer.Headers.RetryAfter);
            }
        }
        finally
        {
            await hold.CommitAsync();
        }

        foreach (var answer in await Task.WhenAll(aroundGateway))
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
        // Those admitted through the gateway are answered too, or told the service was busy: none is lost in a queue.
        foreach (var answer in (await Task.WhenAll(throughGateway)).Except(refused))
        {
            if (answer.StatusCode != HttpStatusCode.OK)
            {
                await answer.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            }
        }
        // Still in the gateway's routing: a new request is answered, not "not ready".
        Assert.Equal(HttpStatusCode.OK, (await csr.GetAsync(casePath)).StatusCode);
    }

    /// <summary>Waits until <paramref name="atLeast"/> sessions wait for the lock on the cases: the requests are in.</summary>
    private async Task WaitForLockWaitersAsync(int atLeast)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var rows = await platform.QueryAsync("risk-assessment-db",
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
            if ((long)rows[0][0] >= atLeast)
            {
                return;
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Only {rows[0][0]} sessions waited for the locked cases after 30 s.");
            await Task.Delay(100);
        }
    }
}
