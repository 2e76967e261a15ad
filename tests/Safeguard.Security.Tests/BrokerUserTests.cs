using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Safeguard.Security.Tests;

/// <summary>
/// Issue 24 §2: each service reaches the broker as its own user, which publishes only its own events and reads only
/// its own queues.
/// </summary>
public sealed class BrokerUserTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_service_publishes_only_its_own_events_and_reads_only_its_own_queues()
    {
        // The credentials the running risk-assessment process holds.
        var broker = new Uri((await platform.ProcessEnvironmentAsync("risk-assessment"))["ConnectionStrings__messaging"]);
        Assert.StartsWith("risk-assessment:", broker.UserInfo, StringComparison.Ordinal);
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync();

        // Another service's event: the safety-plan service alone announces a convened team.
        var publish = await RefusalAsync(connection, channel =>
            channel.BasicPublishAsync("Safeguard.Contracts.SafetyPlan:TeamConvened", "", true, new BasicProperties(), Encoding.UTF8.GetBytes("{}")).AsTask());
        Assert.Equal(403, publish);

        // Another service's queue: the notification service's e-mails about opened cases.
        var read = await RefusalAsync(connection, channel => channel.BasicGetAsync("notification-case-opened", autoAck: false));
        Assert.Equal(403, read);

        // Nor may it delete another service's queue.
        var delete = await RefusalAsync(connection, channel => channel.QueueDeleteAsync("safety-plan-case-opened"));
        Assert.Equal(403, delete);

        // Its own queue it reads (without taking anything: the message stays for the service).
        await using var own = await connection.CreateChannelAsync();
        var declared = await own.QueueDeclarePassiveAsync("risk-assessment-team-convened");
        Assert.Equal("risk-assessment-team-convened", declared.QueueName);
    }

    /// <summary>Runs <paramref name="attempt"/> on a channel with publisher confirms and returns the broker's reply code when it closes the channel.</summary>
    private static async Task<int> RefusalAsync(IConnection connection, Func<IChannel, Task> attempt)
    {
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => attempt(channel));
        return refused switch
        {
            OperationInterruptedException interrupted => interrupted.ShutdownReason?.ReplyCode ?? 0,
            _ => channel.CloseReason?.ReplyCode ?? 0,
        };
    }
}
