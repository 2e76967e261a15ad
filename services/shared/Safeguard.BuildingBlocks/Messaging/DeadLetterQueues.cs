using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Safeguard.BuildingBlocks.Messaging;

/// <summary>A message MassTransit gave up on: what an operator needs to find its cause, never its content.</summary>
public sealed record DeadLetter(string? MessageId, string? MessageType, string? ExceptionType, string? FailedAt, string? ConsumerType);

public sealed record DeadLetterQueue(string Queue, string ErrorQueue, uint Count, IReadOnlyList<DeadLetter> Messages);

/// <summary>
/// The <c>_error</c> queues of this service's endpoints, read and replayed over AMQP (the broker needs no
/// management plugin). Listing looks at messages without taking them; replay moves each one back to its
/// queue, unchanged but for MassTransit's fault headers, and removes it from the error queue only after the
/// broker confirmed the copy: a crash in between leaves a duplicate, which the consumer's inbox drops.
/// </summary>
public sealed class DeadLetterQueues
{
    private readonly ReceiveEndpoints _endpoints;
    private readonly RabbitMqAddress _broker;

    /// <param name="broker">The address MassTransit connects to, parsed once at registration.</param>
    internal DeadLetterQueues(ReceiveEndpoints endpoints, RabbitMqAddress broker)
    {
        _endpoints = endpoints;
        _broker = broker;
    }

    public const string ErrorSuffix = "_error";

    /// <summary>Messages shown per queue; the count is always complete.</summary>
    public const int ShownPerQueue = 50;

    /// <summary>Messages moved per replay call, so that one call stays short; call again for more.</summary>
    public const int ReplayedPerCall = 1000;

    public IReadOnlyList<string> Queues => _endpoints.Names;

    public async Task<IReadOnlyList<DeadLetterQueue>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        var result = new List<DeadLetterQueue>();
        foreach (var queue in _endpoints.Names)
        {
            // A fresh channel per queue: a missing queue closes the channel that asked.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            var count = await CountAsync(channel, queue + ErrorSuffix, cancellationToken);
            var shown = new List<DeadLetter>();
            for (var i = 0; i < Math.Min(count, ShownPerQueue); i++)
            {
                // Taken unacknowledged; closing the channel puts them all back in order.
                var message = await channel.BasicGetAsync(queue + ErrorSuffix, autoAck: false, cancellationToken);
                if (message is null)
                {
                    break;
                }
                shown.Add(Describe(message.BasicProperties));
            }
            result.Add(new DeadLetterQueue(queue, queue + ErrorSuffix, count, shown));
        }
        return result;
    }

    /// <summary>How many messages wait in each endpoint's error queue, none of them taken.</summary>
    public async Task<IReadOnlyList<(string Queue, uint Count)>> CountAsync(CancellationToken cancellationToken)
    {
        if (_endpoints.Names.Count == 0)
        {
            return []; // a service that consumes nothing has no queue, and no reason to connect
        }
        await using var connection = await ConnectAsync(cancellationToken);
        var counts = new List<(string, uint)>();
        foreach (var queue in _endpoints.Names)
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            counts.Add((queue, await CountAsync(channel, queue + ErrorSuffix, cancellationToken)));
        }
        return counts;
    }

    /// <summary>Moves the messages of <paramref name="queue"/>'s error queue (or only <paramref name="messageId"/>) back to it.</summary>
    /// <returns>How many were moved.</returns>
    public async Task<int> ReplayAsync(string queue, string? messageId, CancellationToken cancellationToken)
    {
        if (!_endpoints.Names.Contains(queue))
        {
            throw new ArgumentException($"{queue} is not a queue of this service.", nameof(queue));
        }
        await using var connection = await ConnectAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var waiting = await CountAsync(channel, queue + ErrorSuffix, cancellationToken);
        var moved = 0;
        // Only the messages there when the call began: one that fails again comes back behind them.
        for (var i = 0; i < Math.Min(waiting, ReplayedPerCall); i++)
        {
            var message = await channel.BasicGetAsync(queue + ErrorSuffix, autoAck: false, cancellationToken);
            if (message is null)
            {
                break;
            }
            if (messageId is not null && message.BasicProperties.MessageId != messageId)
            {
                continue; // left unacknowledged: it returns to the error queue when the channel closes
            }
            var properties = new BasicProperties(message.BasicProperties)
            {
                Headers = message.BasicProperties.Headers?
                    .Where(h => !IsFaultHeader(h.Key))
                    .ToDictionary(h => h.Key, h => h.Value),
            };
            // Through the endpoint's own exchange (MassTransit names it after the queue and binds the queue to it),
            // which the service's broker user may write; the default exchange it may not (issue 24 §2). A confirm is awaited.
            await channel.BasicPublishAsync(queue, "", mandatory: true, properties, message.Body, cancellationToken);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }
        return moved;
    }

    private static bool IsFaultHeader(string name) =>
        name.StartsWith("MT-Fault-", StringComparison.Ordinal) || name.StartsWith("MT-Host-", StringComparison.Ordinal) || name == "MT-Reason";

    private static DeadLetter Describe(IReadOnlyBasicProperties properties) => new(
        properties.MessageId,
        Header(properties, "MT-Fault-MessageType"),
        Header(properties, "MT-Fault-ExceptionType"),
        Header(properties, "MT-Fault-Timestamp"),
        Header(properties, "MT-Fault-ConsumerType"));

    /// <summary>AMQP string headers arrive as bytes.</summary>
    private static string? Header(IReadOnlyBasicProperties properties, string name) =>
        properties.Headers?.TryGetValue(name, out var value) == true
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                null => null,
                _ => value.ToString(),
            }
            : null;

    private static async Task<uint> CountAsync(IChannel channel, string queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return 0; // MassTransit creates an error queue on the first fault only
        }
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            HostName = _broker.Host,
            Port = _broker.Port,
            VirtualHost = _broker.VirtualHost,
            UserName = _broker.Username,
            Password = _broker.Password,
            ClientProvidedName = "dead-letter-operator",
            // As the bus: TLS with the broker's name checked where the connection string says amqps://.
            Ssl = new SslOption(_broker.Host, enabled: _broker.UseTls),
        };
        return await factory.CreateConnectionAsync(cancellationToken);
    }
}
