using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Safeguard.ServiceDefaults.Security;

/// <summary>
/// Every connection a process opens is encrypted where the platform runs over a network (issue 24 §12): PostgreSQL
/// with SSL Mode=VerifyFull, RabbitMQ over amqps://, SMTP with TLS required (SslOnConnect or StartTls, never "when
/// available"), the gateway to the services over https://. A local platform (Development) may stay plain on loopback.
/// Anywhere else an unencrypted connection stops the process at start, unless Transport:AllowUnencrypted=true, which
/// is then warned about at every start.
/// </summary>
public static class TransportSecurity
{
    public const string AllowUnencryptedSetting = "Transport:AllowUnencrypted";

    /// <summary>Why an HTTP address is not TLS, or null when it is.</summary>
    public static string? HttpWeakness(string address) =>
        address.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? null : $"HTTP without TLS ({address.Split("://")[0]}://)";

    /// <summary>
    /// Refuses to build the process outside Development when <paramref name="weakness"/> is set, unless allowed; an
    /// allowed one is logged as a warning once the process starts.
    /// </summary>
    public static IHostApplicationBuilder RequireEncrypted(this IHostApplicationBuilder builder, string connection, string? weakness)
    {
        if (weakness is null || builder.Environment.IsDevelopment())
        {
            return builder;
        }
        if (!string.Equals(builder.Configuration[AllowUnencryptedSetting], "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"The {connection} connection is not encrypted: {weakness}. Outside Development every connection must be " +
                $"(README, \"Transport\"). Encrypt it, or set {AllowUnencryptedSetting}=true to run anyway, warned at every start.");
        }
        builder.Services.AddHostedService(services => new UnencryptedConnectionWarning(
            services.GetRequiredService<ILogger<UnencryptedConnectionWarning>>(), connection, weakness));
        return builder;
    }

    private sealed class UnencryptedConnectionWarning(ILogger<UnencryptedConnectionWarning> logger, string connection, string weakness) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogWarning("UNENCRYPTED CONNECTION: {Connection} runs as {Weakness}, allowed only by {Setting}=true", connection, weakness, AllowUnencryptedSetting);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
