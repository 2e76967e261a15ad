using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.Platform.Tests;

/// <summary>
/// One request is one trace: the W3C trace context a caller sends survives the gateway, the service,
/// the outbox, RabbitMQ and the consumer, so the dashboard shows the whole journey of an e-mail as one trace.
/// </summary>
public sealed class TraceContextTests(PlatformFixture platform)
{
    /// <summary>This test's centre (a new one per test) and its supervisor, who works its cases.</summary>
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    [Fact]
    public async Task The_callers_trace_reaches_the_outbox_and_the_notification_it_causes()
    {
        var centre = _centre;
        await platform.Gateway.RegisterMailboxAsync(centre, Names.Mailbox(centre));
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/risk-assessment/cases")
        {
            Content = JsonContent.Create(new { centreCode = centre, reportedBy = "health", learnedAt = DateTimeOffset.UtcNow, victim = new { fullName = "Test Victim", category = "adult" } }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        var response = await Csr.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var reference = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
        await platform.Gateway.WaitForDeliveryAsync(reference, "sent");

        var outbox = await platform.QueryAsync("risk-assessment-db",
            "SELECT trace_parent FROM outbox_messages WHERE payload->>'caseReference' = @reference", ("reference", reference));
        var notifications = await platform.QueryAsync("notification-db",
            "SELECT trace_parent FROM notifications WHERE case_reference = @reference", ("reference", reference));
        Assert.Contains(traceId, (string)Assert.Single(outbox)[0]);
        Assert.Contains(traceId, (string)Assert.Single(notifications)[0]);
    }

    [Fact]
    public async Task Database_statements_reach_the_dashboard_as_spans()
    {
        // The outbox write of a new case: a statement text that only a database span carries (Npgsql's source).
        await Csr.OpenCaseAsync(_centre);

        // Spans are exported in batches (every 5 s by default).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(platform.Telemetry.Contains("traces", "INSERT INTO outbox_messages") && platform.Telemetry.Contains("traces", "postgresql"))
               && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }
        Assert.True(platform.Telemetry.Contains("traces", "INSERT INTO outbox_messages"), "no span carries the outbox INSERT");
        Assert.True(platform.Telemetry.Contains("traces", "postgresql"), "no span names the database system");
    }
}
