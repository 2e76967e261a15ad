using MassTransit;

namespace Safeguard.Testing;

/// <summary>
/// A client on the platform's real RabbitMQ broker, for tests that must publish exactly what a service
/// would (e.g. the same event twice, to prove it is handled once).
/// </summary>
public static class TestBus
{
    public static async Task PublishAsync<T>(string amqpConnectionString, T message, Guid messageId) where T : class
    {
        var uri = new Uri(amqpConnectionString);
        var credentials = uri.UserInfo.Split(':', 2);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(uri.Host, (ushort)uri.Port, "/", host =>
        {
            host.Username(Uri.UnescapeDataString(credentials[0]));
            host.Password(Uri.UnescapeDataString(credentials[1]));
        }));
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
}
