namespace Safeguard.BuildingBlocks.Gauges;

/// <summary>A gauge an operator reads in the dashboard: its instrument's name, unit and description.</summary>
public sealed record Gauge(string Name, string Unit, string Description);

/// <summary>
/// The gauges every service may report (issue 26 §1). Counts and ages only, labelled by kind, state, level and
/// a centre's or municipality's code: never a person, a case reference or anything typed about one.
/// </summary>
public static class PlatformGauges
{
    public static readonly Gauge Clocks = new("safeguard.clocks", "{clock}",
        "Deadlines reminded (due) or passed (overdue), by record, clock and centre or municipality");

    public static readonly Gauge OpenRecords = new("safeguard.records.open", "{record}",
        "Open cases and plans, by record, state, risk level and centre or municipality");

    public static readonly Gauge OutboxBacklog = new("safeguard.outbox.backlog", "{event}",
        "Integration events committed but not yet published to RabbitMQ");

    public static readonly Gauge OutboxOldestAge = new("safeguard.outbox.oldest_age", "s",
        "How long the oldest event waiting in the outbox has waited (0 when none waits)");

    public static readonly Gauge DeadLetters = new("safeguard.dead_letters", "{message}",
        "Messages a consumer gave up on, waiting in the queue's _error queue for an operator");
}
