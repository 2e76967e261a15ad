using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Safeguard.ServiceDefaults;

namespace Safeguard.Gateway.UnitTests;

/// <summary>
/// A process set up by ServiceDefaults with Safeguard:TraceSampleRatio=0 sends over OTLP the trace of a request that
/// failed and not that of one that succeeded, and still sends its metrics (issue 25 §5).
/// </summary>
public sealed class SampledTelemetryTests
{
    [Fact]
    public async Task With_traces_sampled_a_failed_request_is_still_traced_and_metrics_are_whole()
    {
        using var receiver = new Receiver();
        // The OTLP trace exporter behind the sampling reads its settings from the environment, as the AppHost gives them.
        var settings = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "100",
        };
        foreach (var (key, value) in settings)
        {
            Environment.SetEnvironmentVariable(key, value);
        }
        try
        {
            var builder = WebApplication.CreateBuilder();
            builder.Configuration["Safeguard:TraceSampleRatio"] = "0";
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.ConfigureOpenTelemetry();
            await using var app = builder.Build();
            app.MapGet("/answered-fine", () => "fine");
            app.MapGet("/failed-inside", () => Results.StatusCode(StatusCodes.Status500InternalServerError));
            await app.StartAsync(TestContext.Current.CancellationToken);
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

            await http.GetAsync("/answered-fine", TestContext.Current.CancellationToken);
            await http.GetAsync("/failed-inside", TestContext.Current.CancellationToken);
            await app.StopAsync(TestContext.Current.CancellationToken);
            await app.DisposeAsync(); // flushes the exporters

            Assert.True(receiver.Contains("traces", "/failed-inside"), "the failed request's trace was not sent");
            Assert.False(receiver.Contains("traces", "/answered-fine"), "a successful request left out by the sampling was sent");
            Assert.True(receiver.Contains("metrics", "http.server.request.duration"), "the metrics were not sent");
        }
        finally
        {
            foreach (var key in settings.Keys)
            {
                Environment.SetEnvironmentVariable(key, null);
            }
        }
    }

    private sealed class Receiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<(string Signal, byte[] Body)> _exports = new();

        public Receiver()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Endpoint = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Endpoint + "/");
            _listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public string Endpoint { get; }

        public bool Contains(string signal, string text) =>
            _exports.Where(e => e.Signal == signal).Any(e => e.Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0);

        private async Task AcceptAsync()
        {
            while (_listener.IsListening)
            {
                try
                {
                    var context = await _listener.GetContextAsync();
                    using var body = new MemoryStream();
                    await context.Request.InputStream.CopyToAsync(body);
                    _exports.Enqueue((context.Request.Url!.AbsolutePath.TrimEnd('/').Split('/').Last(), body.ToArray()));
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }
                catch (Exception) when (!_listener.IsListening)
                {
                    return;
                }
            }
        }

        public void Dispose() => _listener.Close();
    }
}
