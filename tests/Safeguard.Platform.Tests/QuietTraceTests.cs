namespace Safeguard.Platform.Tests;

/// <summary>
/// What an operator finds in the dashboard's trace list: the requests, not the platform's own heartbeat (issue 26 §2).
/// The gateway probes every service's /health every 5 s, and the outbox, e-mail and clock pollers look for work every
/// second or so, all through this assembly's run; the work a poll finds is traced as part of the request behind it.
/// </summary>
public sealed class QuietTraceTests(PlatformFixture platform)
{
    [Fact]
    public async Task Health_probes_and_polls_make_no_trace_while_a_request_still_does()
    {
        // A path no one else asks for: its server span carries it, so its arrival shows the exports are read.
        var path = $"/api/risk-assessment/cases/{Guid.NewGuid()}";
        var sent = DateTimeOffset.UtcNow;
        using var response = await platform.As(Personas.Supervisor(Names.CentreCode())).GetAsync(path);

        // Spans leave in batches every 5 s; wait for this one and for two more rounds of probes besides.
        var deadline = sent.AddSeconds(60);
        while (!(platform.Telemetry.Contains("traces", path) && DateTimeOffset.UtcNow > sent.AddSeconds(12)) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.True(platform.Telemetry.Contains("traces", path), "the request's trace was not exported");
        Assert.False(platform.Telemetry.Contains("traces", "/health"), "a health probe was exported as a trace");
        Assert.False(platform.Telemetry.Contains("traces", "/alive"), "a liveness probe was exported as a trace");
        // Every poll's query is tagged "poll: <what>" (EF's TagWith), and a span's statement text carries the tag.
        Assert.False(platform.Telemetry.Contains("traces", "poll: "), "a poll's query was exported as a trace");
    }
}
