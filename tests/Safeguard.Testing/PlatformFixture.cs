using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.AppHost.Infrastructure;
using Safeguard.ServiceDefaults.Security;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Safeguard.Testing;

/// <summary>
/// The whole platform — servers, the five services and the gateway — started once per test assembly
/// from the real AppHost, on fresh data. Tests talk to it as users do: over HTTP through the gateway,
/// and read what they cause from the SMTP inbox, the broker and the databases.
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    public static readonly string[] Services = ["risk-assessment", "safety-plan", "reintegration", "training-registry", "notification", "identity", "workspace"];

    /// <summary>The migrate step each service with a database runs before it starts (issue 24 §1).</summary>
    public static readonly string[] MigrateSteps = [.. Services.Where(s => s != "workspace").Select(s => s + "-migrate")];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    /// <summary>Processes per domain service (Safeguard:Replicas): one, unless a test assembly's fixture asks for more.</summary>
    public virtual int Replicas => 1;

    /// <summary>Every service process: the services, and the further replicas of those with a database ("risk-assessment-2").</summary>
    public IReadOnlyList<string> ServiceProcesses =>
        [.. Services, .. Enumerable.Range(2, Replicas - 1).SelectMany(replica => Services.Where(s => s != "workspace").Select(s => $"{s}-{replica}"))];

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _logLines = new();
    private readonly CancellationTokenSource _stopWatchingLogs = new();
    private TestServers? _servers;
    private DistributedApplication? _app;

    /// <summary>Everything the services exported over OTLP (traces, logs, metrics), to search.</summary>
    public OtlpReceiver Telemetry { get; } = new();

    /// <summary>Every console log line the services and the gateway wrote so far (what an operator would see).</summary>
    public IReadOnlyCollection<string> LogLines => _logLines;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The platform has not started.");

    /// <summary>
    /// A platform administrator's client on the gateway, the only entrance users have: institution mailboxes,
    /// e-mail deliveries, the test clock. She reaches no victim's record: use <see cref="As"/> for those.
    /// </summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The gateway's address ("http://localhost:port/"): the platform's only entrance, and its tokens' issuer.</summary>
    public Uri GatewayAddress => new(App.GetEndpoint("gateway", "http").ToString().TrimEnd('/') + "/");

    /// <summary>A client on the gateway without a token.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>
    /// Signs tokens as the identity service's development issuer does, with its own certificate from the state
    /// folder, so tests can also make expired, forged or misaddressed ones. Tokens a person gets by signing in come
    /// from <see cref="SignInFlow"/>.
    /// </summary>
    public TokenSigner Signer { get; private set; } = null!;

    /// <summary>The folder of the state the AppHost keeps (keys, certificates).</summary>
    public string StateDirectory => _servers!.StateDirectory;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, HttpClient> _clients = new();

    /// <summary>A client on the gateway acting as <paramref name="who"/> (one per persona, reused).</summary>
    public HttpClient As(TokenSubject who) =>
        _clients.GetOrAdd($"{who.Subject}|{string.Join(',', who.Roles)}|{who.Institution}|{who.InstitutionKind}|{who.Email}", _ => WithToken(Token(who, TimeSpan.FromHours(12))));

    /// <summary>A token for <paramref name="who"/>, valid for <paramref name="lifetime"/> (default an hour) from <paramref name="issuedAt"/>.</summary>
    public string Token(TokenSubject who, TimeSpan? lifetime = null, DateTimeOffset? issuedAt = null) =>
        DevelopmentTokens.Issue(Signer, who, lifetime ?? TimeSpan.FromHours(1), issuedAt);

    /// <summary>
    /// A client on a service's own port, around the gateway, acting as <paramref name="who"/>: what someone inside the
    /// network could send, to show that each service holds its own line and does not rely on the gateway alone.
    /// </summary>
    public HttpClient Direct(string service, TokenSubject who)
    {
        var client = App.CreateHttpClient(service, "http");
        client.Timeout = TimeSpan.FromSeconds(30);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token(who));
        return client;
    }

    /// <summary>A new client on the gateway that sends <paramref name="token"/> as its bearer token.</summary>
    public HttpClient WithToken(string token)
    {
        var client = App.CreateHttpClient("gateway", "http");
        client.Timeout = TimeSpan.FromSeconds(30);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public SmtpInbox Inbox { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // Each further replica of the six services adds processes to start on the same cores.
        using var timeout = new CancellationTokenSource(StartTimeout + TimeSpan.FromMinutes(3) * (Replicas - 1));
        _servers = await TestServers.StartAsync(timeout.Token);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Safeguard_AppHost>(
            [.. _servers.AppHostArguments, $"--Safeguard:TestOtlpEndpoint={Telemetry.Endpoint}", $"--Safeguard:Replicas={Replicas}"], timeout.Token);
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Aspire.Hosting.Dcp", LogLevel.Error));
        _app = await builder.BuildAsync(timeout.Token);
        var states = ResourceStates.Watch(_app, _stopWatchingLogs.Token);
        try
        {
            await _app.StartAsync(timeout.Token);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested)
        {
            throw new InvalidOperationException($"The platform did not start in time. Its resources not up then:\n{states}", ex);
        }

        var logs = _app.Services.GetRequiredService<ResourceLoggerService>();
        // Watched by IResource: a project's log stream is keyed by its resolved name (with a suffix).
        var model = _app.Services.GetRequiredService<DistributedApplicationModel>();
        // The migrate steps' lines too: what they log is held to the same rules as the services'.
        foreach (var resource in model.Resources.Where(r => ServiceProcesses.Append("gateway").Concat(MigrateSteps).Contains(r.Name)))
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await foreach (var batch in logs.WatchAsync(resource).WithCancellation(_stopWatchingLogs.Token))
                    {
                        foreach (var line in batch)
                        {
                            _logLines.Enqueue($"{resource.Name}: {line.Content}");
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                }
            });
        }

        foreach (var resource in ServiceProcesses.Append("gateway"))
        {
            try
            {
                await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
            }
            catch (OperationCanceledException ex)
            {
                // What the resource wrote is the only clue a CI log will hold.
                var written = string.Join('\n', _logLines.Where(l =>
                    l.StartsWith(resource + ":", StringComparison.Ordinal) || l.StartsWith(resource + "-migrate:", StringComparison.Ordinal)).TakeLast(40));
                throw new InvalidOperationException($"{resource} did not become healthy. Its last log lines:\n{written}", ex);
            }
        }

        // The identity service made its certificates on start; tokens name the gateway as their issuer.
        var issuer = GatewayAddress.ToString();
        var keys = SigningKeyRing.Load(Path.Combine(_servers.StateDirectory, "token-keys"), DateTimeOffset.UtcNow);
        Signer = new TokenSigner(issuer, PlatformAuthentication.DefaultAudience, keys.CurrentCredentials(DateTimeOffset.UtcNow));
        Gateway = As(Personas.PlatformAdmin());
        Anonymous = _app.CreateHttpClient("gateway", "http");
        Anonymous.Timeout = TimeSpan.FromSeconds(30);
        Inbox = new SmtpInbox(_servers.SmtpApi);
    }

    /// <summary>
    /// The connection string of a service's database (such as "risk-assessment-db") as the server's administrator, the
    /// way tests read and arrange rows; named "safeguard-tests" so that what the services hold open can be told apart.
    /// </summary>
    public async Task<string> AdministratorConnectionStringAsync(string database) =>
        new Npgsql.NpgsqlConnectionStringBuilder(await ConnectionStringAsync(database))
        {
            Username = _servers!.PostgresAdministrator.User,
            Password = _servers.PostgresAdministrator.Password,
            ApplicationName = TestsApplicationName,
        }.ConnectionString;

    /// <summary>The application name of the tests' own database connections.</summary>
    public const string TestsApplicationName = "safeguard-tests";

    /// <summary>The environment a resource's running process holds, as the operating system shows it (/proc).</summary>
    public async Task<Dictionary<string, string>> ProcessEnvironmentAsync(string resource)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var running = await App.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.Snapshot.Properties.Any(p => p.Name == "executable.pid" && p.Value is not null), timeout.Token);
        var pid = running.Snapshot.Properties.First(p => p.Name == "executable.pid").Value!.ToString();
        var environ = await File.ReadAllTextAsync($"/proc/{pid}/environ");
        return environ.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => v.Split('=', 2))
            .ToDictionary(v => v[0], v => v.Length > 1 ? v[1] : "");
    }

    /// <summary>The connection string the AppHost gives a resource (a service's database, the broker).</summary>
    public async Task<string> ConnectionStringAsync(string resourceName) =>
        await App.GetConnectionStringAsync(resourceName)
        ?? throw new InvalidOperationException($"No connection string for {resourceName}.");

    /// <summary>Stops the SMTP server (an outage), or starts it again; its received mail is kept.</summary>
    public Task SetSmtpRunningAsync(bool running) => SetRunningAsync("smtp", running);

    /// <summary>
    /// Stops a resource of the platform (a server: "postgres", "rabbitmq", "smtp"; or a service such as
    /// "risk-assessment") or starts it again, keeping its data; a start waits until it is healthy. Where the
    /// servers are containers, PostgreSQL and RabbitMQ are paused instead (a restarted container would get new
    /// ports the services do not know), which is an outage of the same kind to their clients.
    /// </summary>
    public async Task SetRunningAsync(string resource, bool running)
    {
        if (_servers!.Container(resource) is { } container)
        {
            await (resource == "smtp"
                ? running ? container.StartAsync() : container.StopAsync()
                : running ? container.UnpauseAsync() : container.PauseAsync());
            return;
        }
        var commands = App.Services.GetRequiredService<ResourceCommandService>();
        var result = await commands.ExecuteCommandAsync(resource, running ? "resource-start" : "resource-stop");
        if (!result.Success)
        {
            throw new InvalidOperationException($"Could not {(running ? "start" : "stop")} {resource}: {result.Message}");
        }
        if (running)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }
    }

    /// <summary>
    /// Kills a service's process and its children at once (SIGKILL: no graceful shutdown, no flush), as a
    /// crash or an out-of-memory kill would, and waits until the orchestrator sees it gone. Bring it back
    /// with <see cref="SetRunningAsync"/>.
    /// </summary>
    public async Task KillAsync(string resource)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var running = await App.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.Snapshot.State?.Text == KnownResourceStates.Running && ProcessId(e) is not null, timeout.Token);
        using (var process = System.Diagnostics.Process.GetProcessById(ProcessId(running)!.Value))
        {
            process.Kill(entireProcessTree: true);
        }
        await App.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.Snapshot.State?.Text != KnownResourceStates.Running, timeout.Token);

        static int? ProcessId(ResourceEvent e) =>
            e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
                && int.TryParse(pid.ToString(), out var id) ? id : null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopWatchingLogs.CancelAsync();
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
        Anonymous?.Dispose();
        Inbox?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_servers is not null)
        {
            await _servers.DisposeAsync();
        }
        Telemetry.Dispose();
    }
}
