namespace Safeguard.Platform.Tests;

/// <summary>
/// What an operator reads in the dashboard's metrics (issue 26 §1): the clocks due and overdue by kind and place, the
/// open records, and each service's outbox and dead letters, as the services export them over OTLP.
/// </summary>
[Collection(ClockMovingCollection.Name)]
public sealed class DomainGaugeTests(PlatformFixture platform)
{
    private const string RiskAssessment = "/api/risk-assessment";
    private static readonly string[] DomainServices = ["risk-assessment", "safety-plan", "reintegration", "training-registry", "notification"];

    /// <summary>The services that consume events, and so have queues and error queues.</summary>
    private static readonly string[] Consumers = ["risk-assessment", "safety-plan", "notification"];

    [Fact]
    public async Task The_clocks_due_and_overdue_of_a_centre_and_a_municipality_show_and_turn_overdue_when_time_passes()
    {
        var centre = Names.CentreCode();
        var municipality = Names.CentreCode();
        var csr = platform.As(Personas.Supervisor(centre));
        var office = platform.As(Personas.ReintegrationOfficer(municipality));
        var since = DateTimeOffset.UtcNow;

        // Three cases reported now: each has 12 hours for its assessment (Art. 5).
        var reported = await platform.Gateway.ServiceTimeAsync(RiskAssessment);
        for (var i = 0; i < 3; i++)
        {
            await csr.OpenCaseAsync(centre, reported);
        }
        // Two returns 50 hours ago: their 72-hour visit is reminded from hour 48 (004 §1.1).
        var arrived = (await platform.Gateway.ServiceTimeAsync(ReintegrationApi.Prefix)).AddHours(-50);
        for (var i = 0; i < 2; i++)
        {
            await office.RegisterReturnAsync(municipality, arrived);
        }

        await ReadsAsync(3, since, "safeguard.clocks", ("record", "case"), ("clock", "assessment"), ("status", "due"), ("centre", centre));
        await ReadsAsync(2, since, "safeguard.clocks", ("record", "reintegration-cases"), ("clock", "visit"), ("status", "due"), ("municipality", municipality));
        await ReadsAsync(3, since, "safeguard.records.open", ("record", "case"), ("state", "awaiting-assessment"), ("level", "none"), ("centre", centre));
        await ReadsAsync(2, since, "safeguard.records.open", ("record", "reintegration-case"), ("state", "awaiting-visit"), ("category", "repatriated"),
            ("municipality", municipality));

        since = DateTimeOffset.UtcNow;
        await platform.Gateway.AdvanceClockAsync(RiskAssessment, TimeSpan.FromHours(13));
        await platform.Gateway.AdvanceClockAsync(ReintegrationApi.Prefix, TimeSpan.FromHours(23));

        await ReadsAsync(3, since, "safeguard.clocks", ("record", "case"), ("clock", "assessment"), ("status", "overdue"), ("centre", centre));
        await ReadsAsync(0, since, "safeguard.clocks", ("record", "case"), ("clock", "assessment"), ("status", "due"), ("centre", centre));
        await ReadsAsync(2, since, "safeguard.clocks", ("record", "reintegration-cases"), ("clock", "visit"), ("status", "overdue"), ("municipality", municipality));
        await ReadsAsync(0, since, "safeguard.clocks", ("record", "reintegration-cases"), ("clock", "visit"), ("status", "due"), ("municipality", municipality));

        // Counts by kind and place, nothing else: no label could carry a person.
        Assert.All(platform.Telemetry.Metric("safeguard.clocks", since), point =>
            Assert.Subset(new HashSet<string> { "record", "clock", "status", "centre", "municipality" }, point.Labels.Keys.ToHashSet()));
    }

    [Fact]
    public async Task Every_service_reports_its_outbox_and_every_consumer_its_dead_letters_per_queue()
    {
        var since = DateTimeOffset.UtcNow;
        var deadline = since.AddSeconds(60);
        string[] missing = DomainServices;
        while (missing.Length > 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            var backlog = platform.Telemetry.Metric("safeguard.outbox.backlog", since).Select(p => p.Service);
            var age = platform.Telemetry.Metric("safeguard.outbox.oldest_age", since).Select(p => p.Service);
            var deadLetters = platform.Telemetry.Metric("safeguard.dead_letters", since)
                .Where(p => p.Labels.GetValueOrDefault("queue", "").Length > 0).Select(p => p.Service);
            missing = DomainServices.Where(s => !backlog.Contains(s) || !age.Contains(s) || (Consumers.Contains(s) && !deadLetters.Contains(s))).ToArray();
        }

        Assert.Empty(missing);
        Assert.Contains(platform.Telemetry.Metric("safeguard.notifications.oldest_pending_age", since), p => p.Service == "notification");
    }

    /// <summary>Waits for the gauge's label set to be exported with <paramref name="expected"/> (the gauges refresh every 15 s).</summary>
    private async Task ReadsAsync(double expected, DateTimeOffset since, string gauge, params (string Key, string Value)[] labels)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        double? last = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            last = platform.Telemetry.Metric(gauge, since)
                .Where(p => p.Labels.Count == labels.Length && labels.All(l => p.Labels.GetValueOrDefault(l.Key) == l.Value))
                .OrderBy(p => p.TimeUnixNano).LastOrDefault()?.Value;
            if (last == expected)
            {
                return;
            }
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
        Assert.Fail($"{gauge} {string.Join(", ", labels.Select(l => $"{l.Key}={l.Value}"))}: expected {expected}, last exported {last?.ToString() ?? "nothing"}");
    }
}
