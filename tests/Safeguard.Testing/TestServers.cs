using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Safeguard.AppHost.Infrastructure;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Safeguard.Testing;

/// <summary>
/// The servers a test run uses. Where a Docker engine answers: fresh PostgreSQL, RabbitMQ and smtp4dev
/// containers (Testcontainers), handed to the AppHost as external servers. Otherwise the AppHost starts
/// the same local processes as for `up`, with a fresh state folder and free ports. Never a mock.
/// </summary>
public sealed class TestServers : IAsyncDisposable
{
    private readonly List<IContainer> _containers = [];

    private TestServers(string stateDirectory) => StateDirectory = stateDirectory;

    /// <summary>A folder of this run only; removed afterwards.</summary>
    public string StateDirectory { get; }

    /// <summary>Arguments for the AppHost that point it at these servers.</summary>
    public List<string> AppHostArguments { get; } = [];

    /// <summary>
    /// The PostgreSQL administrator's user name and password: tests read and arrange rows as a DBA would, not as a
    /// service's own roles (which may not, for example, touch the audit table's trigger).
    /// </summary>
    public (string User, string Password) PostgresAdministrator { get; private set; }

    /// <summary>Base address of the SMTP server's HTTP API.</summary>
    public Uri SmtpApi { get; private set; } = null!;

    private readonly Dictionary<string, IContainer> _byResource = [];

    /// <summary>The container of a server ("postgres", "rabbitmq", "smtp") where Testcontainers runs it; null when the AppHost runs it as a process.</summary>
    public IContainer? Container(string resource) => _byResource.GetValueOrDefault(resource);

    public static async Task<TestServers> StartAsync(CancellationToken cancellationToken)
    {
        var state = Directory.CreateTempSubdirectory("safeguard-test-");
        // Made 0700; the 'postgres' user that runs the local server must be able to reach its data below it.
        if (!OperatingSystem.IsWindows())
        {
            state.UnixFileMode |= UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        }
        var servers = new TestServers(state.FullName);
        var ports = FreePorts.Take(6);
        servers.AppHostArguments.AddRange([
            $"--Safeguard:StateDir={servers.StateDirectory}",
            $"--Safeguard:Ports:Gateway={ports[0]}",
            // Deadline tests move the services' clocks through the platform (never enabled outside tests).
            "--Safeguard:TestClock=true",
            // E-mail retries: 3 attempts 20 s apart, so a test reaches "failed" (and an operator retry) in a minute.
            "--Safeguard:Delivery:MaxAttempts=3",
            "--Safeguard:Delivery:FirstRetryDelay=00:00:20",
            // An outbox that stands still this long makes /health say Degraded, so an outage test sees it.
            "--Safeguard:StallAfter=00:00:20",
        ]);

        if (ContainerRuntimeProbe.IsAvailable())
        {
            await servers.StartContainersAsync(cancellationToken);
        }
        else
        {
            servers.AppHostArguments.AddRange([
                "--Safeguard:Infrastructure=processes",
                $"--Safeguard:Ports:Postgres={ports[1]}",
                $"--Safeguard:Ports:RabbitMq={ports[2]}",
                // The broker's distribution port is free too (AMQP + 1 was once taken and the broker failed to start).
                $"--Safeguard:Ports:RabbitMqDist={ports[5]}",
                $"--Safeguard:Ports:Smtp={ports[3]}",
                $"--Safeguard:Ports:SmtpWeb={ports[4]}",
            ]);
            servers.SmtpApi = new Uri($"http://127.0.0.1:{ports[4]}/");
            // The AppHost reads the same file for the server it starts.
            servers.PostgresAdministrator = ("postgres", LocalSecrets.LoadOrCreate(servers.StateDirectory).PostgresPassword);
        }
        return servers;
    }

    private async Task StartContainersAsync(CancellationToken cancellationToken)
    {
        var postgres = new PostgreSqlBuilder("postgres:17-alpine").Build();
        var rabbitMq = new RabbitMqBuilder("rabbitmq:3.13-alpine").Build();
        var smtp = new ContainerBuilder("rnwood/smtp4dev:v3")
            .WithPortBinding(25, assignRandomHostPort: true)
            .WithPortBinding(80, assignRandomHostPort: true)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(r => r.ForPort(80).ForPath("/api/messages")))
            .Build();
        _containers.AddRange([postgres, rabbitMq, smtp]);
        (_byResource["postgres"], _byResource["rabbitmq"], _byResource["smtp"]) = (postgres, rabbitMq, smtp);
        await Task.WhenAll(_containers.Select(c => c.StartAsync(cancellationToken)));

        PostgresAdministrator = ("postgres", "postgres");
        var server = $"Host={postgres.Hostname};Port={postgres.GetMappedPublicPort(5432)};Username=postgres;Password=postgres";
        AppHostArguments.AddRange([
            "--Safeguard:Infrastructure=external",
            $"--ConnectionStrings:postgres={server}",
            $"--ConnectionStrings:messaging={rabbitMq.GetConnectionString()}",
            $"--Safeguard:Smtp:Host={smtp.Hostname}",
            $"--Safeguard:Smtp:Port={smtp.GetMappedPublicPort(25)}",
        ]);
        SmtpApi = new Uri($"http://{smtp.Hostname}:{smtp.GetMappedPublicPort(80)}/");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var container in _containers)
        {
            await container.DisposeAsync();
        }
        try
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server still closing a file: the folder is under the temp folder and harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
