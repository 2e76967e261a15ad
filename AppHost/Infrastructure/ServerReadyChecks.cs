using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Safeguard.AppHost.Infrastructure;

/// <summary>
/// Readiness of a local server, probed in its own protocol. Each check retries briefly inside itself:
/// Aspire re-polls an unhealthy resource only after 1, 2, 3... seconds, and start-up is faster this way.
/// </summary>
public abstract class ServerReadyCheck : IHealthCheck
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + Patience;
        Exception? last = null;
        do
        {
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(TimeSpan.FromSeconds(2));
                await ProbeAsync(attempt.Token);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                last = ex;
                await Task.Delay(Pause, cancellationToken);
            }
        }
        while (DateTime.UtcNow < deadline);
        return HealthCheckResult.Unhealthy(last?.Message, last);
    }

    /// <summary>Throws unless the server answers as it should.</summary>
    protected abstract Task ProbeAsync(CancellationToken cancellationToken);
}

/// <summary>PostgreSQL is ready when a connection opens and a query runs.</summary>
public sealed class PostgresReadyCheck(string connectionString) : ServerReadyCheck
{
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 2 }.ConnectionString;

    protected override async Task ProbeAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync(cancellationToken);
    }
}

/// <summary>RabbitMQ is ready when it answers the AMQP 0-9-1 protocol header with a method frame (Connection.Start).</summary>
public sealed class AmqpReadyCheck(string host, int port) : ServerReadyCheck
{
    private static readonly byte[] ProtocolHeader = [(byte)'A', (byte)'M', (byte)'Q', (byte)'P', 0, 0, 9, 1];
    private const byte MethodFrame = 1;

    protected override async Task ProbeAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host, port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(ProtocolHeader, cancellationToken);
        var frameType = new byte[1];
        var read = await stream.ReadAsync(frameType, cancellationToken);
        if (read != 1 || frameType[0] != MethodFrame)
        {
            throw new InvalidOperationException("The broker did not answer with Connection.Start.");
        }
    }
}

/// <summary>The SMTP server is ready when it greets with a 220 reply.</summary>
public sealed class SmtpReadyCheck(string host, int port) : ServerReadyCheck
{
    protected override async Task ProbeAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host, port, cancellationToken);
        var buffer = new byte[256];
        var read = await client.GetStream().ReadAsync(buffer, cancellationToken);
        if (!Encoding.ASCII.GetString(buffer, 0, read).StartsWith("220", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The SMTP server did not greet with 220.");
        }
    }
}
