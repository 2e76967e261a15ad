using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;

namespace Safeguard.LoadBenchmark;

/// <summary>
/// The floor under the gateway's overhead on this machine (issue 25 §4): a bare hop, Kestrel and YARP and nothing else
/// (no token check, limits, admission or telemetry), in its own process in front of a backend that answers after
/// <see cref="BackendWork"/>, each its own process as the gateway and a service are. One caller alternates direct and
/// proxied requests as <see cref="Overhead"/> does, so threads park between requests as they do at light load; a hop
/// measured at full speed keeps its threads spinning and looks several times cheaper.
/// </summary>
public static class BareHop
{
    public const string BackendArgument = "--bare-hop-backend";
    public const string ProxyArgument = "--bare-hop-proxy";

    /// <summary>Roughly a direct read's own time on the platform: long enough for the hop's threads to park.</summary>
    public static readonly TimeSpan BackendWork = TimeSpan.FromMilliseconds(3);

    private const int BackendPort = 18191;
    private const int ProxyPort = 18190;

    public sealed record Result(Latencies.Summary Direct, Latencies.Summary Proxied);

    /// <summary>Runs this process as the bare hop's backend or proxy when asked to; false when it is the benchmark.</summary>
    public static bool TryServe(string[] args)
    {
        if (args is [BackendArgument])
        {
            var app = Slim(BackendPort).Build();
            var body = new string('x', 1500); // about a case's JSON
            app.MapGet("/item", async () =>
            {
                await Task.Delay(BackendWork);
                return Results.Text(body, "application/json");
            });
            app.Run();
            return true;
        }
        if (args is [ProxyArgument])
        {
            var builder = Slim(ProxyPort);
            builder.Services.AddReverseProxy().LoadFromMemory(
                [new RouteConfig { RouteId = "all", ClusterId = "backend", Match = new RouteMatch { Path = "/{**rest}" } }],
                [new ClusterConfig
                {
                    ClusterId = "backend",
                    Destinations = new Dictionary<string, DestinationConfig> { ["backend"] = new() { Address = $"http://127.0.0.1:{BackendPort}" } },
                }]);
            var app = builder.Build();
            app.MapReverseProxy();
            app.Run();
            return true;
        }
        return false;
    }

    public static async Task<Result> MeasureAsync(TimeSpan duration)
    {
        using var backend = Start(BackendArgument);
        using var proxy = Start(ProxyArgument);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var direct = new Uri($"http://127.0.0.1:{BackendPort}/item");
            var proxied = new Uri($"http://127.0.0.1:{ProxyPort}/item");
            await WaitUntilAnsweredAsync(http, proxied);
            var latencies = new Latencies();
            // A few hundred pairs first: connections open and code jitted, as on a platform that has been running.
            for (var i = 0; i < 300; i++)
            {
                await TimeAsync(http, direct, null, "");
                await TimeAsync(http, proxied, null, "");
            }
            var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            for (var round = 0; Stopwatch.GetTimestamp() < until; round++)
            {
                // The order flips every round, as in Overhead.
                var (first, second) = round % 2 == 0 ? ((proxied, "proxied"), (direct, "direct")) : ((direct, "direct"), (proxied, "proxied"));
                await TimeAsync(http, first.Item1, latencies, first.Item2);
                await TimeAsync(http, second.Item1, latencies, second.Item2);
            }
            return new Result(latencies.Summarize("direct"), latencies.Summarize("proxied"));
        }
        finally
        {
            Stop(backend);
            Stop(proxy);
        }
    }

    /// <summary>Kestrel on a loopback port and nothing else: no logging, no telemetry.</summary>
    private static WebApplicationBuilder Slim(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        return builder;
    }

    private static async Task TimeAsync(HttpClient http, Uri address, Latencies? latencies, string kind)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(address);
        await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The bare hop's {kind} request answered {(int)response.StatusCode}.");
        }
        latencies?.Record(kind, Stopwatch.GetElapsedTime(started));
    }

    private static async Task WaitUntilAnsweredAsync(HttpClient http, Uri address)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(address);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTimeOffset.UtcNow < deadline)
            {
            }
            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new InvalidOperationException("The bare hop did not answer within 30 s.");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>This same program as the backend or the proxy (the apphost, or `dotnet` with this assembly).</summary>
    private static Process Start(string role)
    {
        var self = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(self) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BareHop).Assembly.Location);
        }
        start.ArgumentList.Add(role);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"The bare hop's {role} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
    }
}
