using System.Collections.Concurrent;
using MassTransit;

namespace Safeguard.Testing;

/// <summary>
/// A client on the platform's real RabbitMQ broker: publish exactly what a service would (e.g. the same
/// event twice), or listen for the events services publish.
/// </summary>
public static class TestBus
{
    public static async Task PublishAsync<T>(string amqpConnectionString, T message, Guid messageId) where T : class
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => ConfigureHost(rabbit, amqpConnectionString));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bus.StartAsync(timeout.Token);
        try
        {
            await bus.Publish(message, context => context.MessageId = messageId, timeout.Token);
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Starts listening for every <typeparamref name="T"/> published from now on, on a queue of its own.</summary>
    public static async Task<BusListener<T>> ListenAsync<T>(string amqpConnectionString) where T : class
    {
        var received = new ConcurrentQueue<T>();
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            ConfigureHost(rabbit, amqpConnectionString);
            rabbit.ReceiveEndpoint($"test-{typeof(T).Name}-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<T>(context =>
                {
                    received.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
            });
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bus.StartAsync(timeout.Token);
        return new BusListener<T>(bus, received);
    }

    internal static void ConfigureHost(IRabbitMqBusFactoryConfigurator rabbit, string amqpConnectionString)
    {
        var uri = new Uri(amqpConnectionString);
        var credentials = uri.UserInfo.Split(':', 2);
        rabbit.Host(uri.Host, (ushort)uri.Port, "/", host =>
        {
            host.Username(Uri.UnescapeDataString(credentials[0]));
            host.Password(Uri.UnescapeDataString(credentials[1]));
        });
    }
}

/// <summary>The events of one type received since the listener started.</summary>
public sealed class BusListener<T>(IBusControl bus, ConcurrentQueue<T> received) : IAsyncDisposable where T : class
{
    public IReadOnlyList<T> Received => received.ToArray();

    /// <summary>Waits until <paramref name="count"/> matching events arrived, and returns the matching ones.</summary>
    public async Task<IReadOnlyList<T>> WaitForAsync(Func<T, bool> match, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var matching = received.Where(match).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"{matching.Count} of {count} {typeof(T).Name} event(s) arrived in time.");
            }
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync() => await bus.StopAsync(CancellationToken.None);
}
