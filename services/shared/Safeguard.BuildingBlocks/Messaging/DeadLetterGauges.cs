using Safeguard.BuildingBlocks.Gauges;

namespace Safeguard.BuildingBlocks.Messaging;

/// <summary>Messages waiting in each of the service's _error queues, counted over AMQP without taking any.</summary>
internal sealed class DeadLetterGauges(DeadLetterQueues queues) : IGaugeSource
{
    public async Task ReadAsync(GaugeReadings readings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var (queue, count) in await queues.CountAsync(cancellationToken))
        {
            readings.Add(PlatformGauges.DeadLetters, count, new KeyValuePair<string, object?>("queue", queue));
        }
    }
}
