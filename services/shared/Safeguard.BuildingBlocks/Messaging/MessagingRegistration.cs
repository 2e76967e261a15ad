using Microsoft.Extensions.Configuration;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Safeguard.BuildingBlocks.Gauges;
using Safeguard.BuildingBlocks.Hosting;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.Contracts;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.BuildingBlocks.Messaging;

public static class MessagingRegistration
{
    /// <summary>Name of the connection string (an amqp:// URI) of the RabbitMQ broker.</summary>
    public const string ConnectionName = "messaging";

    /// <summary>
    /// MassTransit on RabbitMQ, with this service's outbox dispatcher. Each consumer gets its own durable
    /// queue named after the service; failed messages are retried with exponential back-off and then
    /// moved to the queue's <c>_error</c> queue, from where an operator can move them back (<see cref="DeadLetterEndpoints"/>).
    /// </summary>
    public static IHostApplicationBuilder AddServiceMessaging<TDbContext>(
        this IHostApplicationBuilder builder,
        ServiceDescription service,
        Action<IBusRegistrationConfigurator>? configureConsumers = null)
        where TDbContext : ServiceDbContext
    {
        var broker = RabbitMqAddress.Parse(builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"Connection string '{ConnectionName}' is missing."));
        builder.RequireEncrypted("messaging", broker.UseTls ? null : "RabbitMQ over amqp:// instead of amqps://");

        builder.Services.AddSingleton<OutboxSignal>();
        var endpoints = new ReceiveEndpoints();
        builder.Services.AddSingleton(endpoints);
        builder.Services.AddSingleton(new DeadLetterQueues(endpoints, broker));
        builder.Services.AddHostedService<OutboxDispatcher<TDbContext>>();
        builder.Services.AddGaugeSource<OutboxGauges<TDbContext>>();
        builder.Services.AddGaugeSource<DeadLetterGauges>();
        builder.AddRetention<TDbContext>();
        builder.Services.AddSingleton<IRetentionStep, MessageRetention>();

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(service.Name, includeNamespace: false));
            configureConsumers?.Invoke(bus);
            // A broker outage degrades a service but leaves it ready: its writes still commit, their events wait
            // in the outbox. /health says "Degraded" (operators see it) yet answers 200, so the gateway keeps routing.
            bus.ConfigureHealthCheckOptions(health => health.MinimalFailureStatus = HealthStatus.Degraded);

            bus.AddConfigureEndpointsCallback((_, name, endpoint) =>
            {
                endpoints.Add(name);
                // No service consumes Fault<T>, and its exchange ("MassTransit:Fault--…") belongs to no service's
                // broker user (issue 24 §2): a failed message goes to the endpoint's _error queue alone.
                endpoint.PublishFaults = false;
                endpoint.UseMessageRetry(retry => retry.Exponential(
                    retryLimit: 6,
                    minInterval: TimeSpan.FromMilliseconds(200),
                    maxInterval: TimeSpan.FromSeconds(30),
                    intervalDelta: TimeSpan.FromSeconds(1)));
            });

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.Username);
                    host.Password(broker.Password);
                    host.PublisherConfirmation = true;
                    if (broker.UseTls)
                    {
                        // The broker's certificate is checked against its host name and the machine's trusted roots.
                        host.UseSsl(tls =>
                        {
                            tls.ServerName = broker.Host;
                            tls.Protocol = System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13;
                        });
                    }
                });
                // No one consumes the marker interface: its exchange would be one that every publisher writes to,
                // which a service's broker user may not (issue 24 §2).
                rabbit.Publish<IIntegrationEvent>(topology => topology.Exclude = true);
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
