using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Safeguard.AppHost.Infrastructure;

namespace Safeguard.Security.Tests;

/// <summary>
/// The development issuer survives only where it belongs (issue 22 §6): the identity service's own binary,
/// started as a deployment would start it, beside the test platform's database and broker.
/// </summary>
public sealed class DevelopmentIssuerPlacementTests(PlatformFixture platform)
{
    [Fact]
    public async Task In_Production_or_under_another_authority_there_is_no_development_issuer_and_asking_for_one_outside_Development_stops_the_service()
    {
        var own = $"https://localhost:{platform.GatewayAddress.Port}/";
        // Production, trusting itself: it serves, and /dev/token is not there.
        await using (var production = await IdentityProcess.StartAsync(platform, "Production", authority: own, developmentIssuer: null))
        {
            await AssertNoIssuerAsync(production);
            // Its plain connections to the test's servers run only because they are allowed, and say so (issue 24 §12).
            Assert.Contains("UNENCRYPTED CONNECTION", production.Output, StringComparison.Ordinal);
        }
        // Development, asked for the issuer, but the platform trusts another provider: not there either.
        await using (var elsewhere = await IdentityProcess.StartAsync(platform, "Development", authority: "https://idp.elsewhere.test/", developmentIssuer: "true"))
        {
            await AssertNoIssuerAsync(elsewhere);
        }
        // Asked for outside Development, with or without an authority: the service does not start.
        var refused = await IdentityProcess.FailToStartAsync(platform, "Production", authority: own, developmentIssuer: "true");
        Assert.Contains("development issuer exists only in Development", refused, StringComparison.Ordinal);
        var withoutAuthority = await IdentityProcess.FailToStartAsync(platform, "Production", authority: null, developmentIssuer: "true");
        Assert.Contains("development issuer exists only in Development", withoutAuthority, StringComparison.Ordinal);
        Assert.Contains("Auth:Authority", await IdentityProcess.FailToStartAsync(platform, "Production", authority: null, developmentIssuer: null), StringComparison.Ordinal);
    }

    private static async Task AssertNoIssuerAsync(IdentityProcess identity)
    {
        var asked = await identity.Client.PostAsJsonAsync("/dev/token", new { subject = "x", roles = new[] { "platform-admin" }, institution = "PLATFORM", institutionKind = "platform" });
        Assert.Equal(HttpStatusCode.NotFound, asked.StatusCode);
        Assert.DoesNotContain("accessToken", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The identity service's binary as a separate process, configured as a deployment configures it.</summary>
    private sealed class IdentityProcess : IAsyncDisposable
    {
        private readonly Process _process;

        private readonly System.Text.StringBuilder _output;

        private IdentityProcess(Process process, HttpClient client, System.Text.StringBuilder output)
        {
            _process = process;
            Client = client;
            _output = output;
        }

        public HttpClient Client { get; }

        /// <summary>What it wrote so far.</summary>
        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static async Task<IdentityProcess> StartAsync(PlatformFixture platform, string environment, string? authority, string? developmentIssuer)
        {
            var (process, client, output) = await LaunchAsync(platform, environment, authority, developmentIssuer);
            var identity = new IdentityProcess(process, client, output);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (!timeout.IsCancellationRequested)
            {
                Assert.False(process.HasExited, $"The identity service stopped: {output}");
                try
                {
                    if ((await client.GetAsync("/alive", timeout.Token)).IsSuccessStatusCode)
                    {
                        return identity;
                    }
                }
                catch (HttpRequestException)
                {
                }
                await Task.Delay(250, timeout.Token);
            }
            throw new TimeoutException($"The identity service did not answer: {output}");
        }

        /// <summary>Starts it expecting a refusal; returns what it wrote.</summary>
        public static async Task<string> FailToStartAsync(PlatformFixture platform, string environment, string? authority, string? developmentIssuer)
        {
            var (process, client, output) = await LaunchAsync(platform, environment, authority, developmentIssuer);
            using (client)
            using (process)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
                await process.WaitForExitAsync(timeout.Token);
                Assert.NotEqual(0, process.ExitCode);
                return output.ToString();
            }
        }

        private static async Task<(Process, HttpClient, System.Text.StringBuilder)> LaunchAsync(PlatformFixture platform, string environment, string? authority, string? developmentIssuer)
        {
            var port = FreePort();
            var info = new ProcessStartInfo("dotnet", [IdentityBinary()]) { RedirectStandardOutput = true, RedirectStandardError = true };
            var keys = PlatformKeys.LoadOrCreate(platform.StateDirectory);
            var settings = new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = environment,
                ["DOTNET_ENVIRONMENT"] = environment,
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ConnectionStrings__database"] = await platform.ConnectionStringAsync("identity-db"),
                ["ConnectionStrings__messaging"] = await platform.ConnectionStringAsync("messaging"),
                ["Auth__Authority"] = authority,
                ["Auth__DevelopmentIssuer"] = developmentIssuer,
                ["Identity__PublicUrl"] = $"https://localhost:{platform.GatewayAddress.Port}/",
                ["Identity__KeysPath"] = Path.Combine(platform.StateDirectory, "token-keys"),
                ["Privacy__SearchKey"] = keys.SearchKey("identity"),
                ["DataProtection__KeyRingPath"] = keys.KeyRing("identity", carryOver: false),
                ["DataProtection__KeyEncryptionCertificatePath"] = keys.KeyEncryptionCertificate("identity"),
                ["OTEL_SDK_DISABLED"] = "true",
                // Plain connections to the test platform's servers, as allowed (and warned about) in Production.
                ["Transport__AllowUnencrypted"] = "true",
            };
            foreach (var (name, value) in settings)
            {
                info.Environment[name] = value;
            }
            var output = new System.Text.StringBuilder();
            var process = Process.Start(info)!;
            process.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
            process.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return (process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) }, output);
        }

        private static string IdentityBinary() => ServiceProcess.Binary("services/identity", "Safeguard.Identity");

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }
    }
}
