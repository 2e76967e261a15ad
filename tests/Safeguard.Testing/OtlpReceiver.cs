using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Safeguard.Testing;

/// <summary>
/// A minimal OTLP/HTTP receiver on loopback: it accepts every export (traces, logs, metrics) and keeps the raw
/// protobuf payloads. Protobuf carries strings as UTF-8 bytes, so a search of the payloads finds any text
/// that reached a span, a span event or a log record; gauges are read with <see cref="OtlpMetrics"/>.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Signal, byte[] Body, DateTimeOffset At)> _exports = new();

    public OtlpReceiver()
    {
        var port = FreePorts.Take(1)[0];
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        _listener.Prefixes.Add($"{Endpoint}");
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public Uri Endpoint { get; }

    /// <summary>How many exports of a signal ("traces", "logs") arrived.</summary>
    public int Count(string signal) => _exports.Count(e => e.Signal == signal);

    /// <summary>Whether any export of a signal contains the text.</summary>
    public bool Contains(string signal, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return _exports.Where(e => e.Signal == signal).Any(e => e.Body.AsSpan().IndexOf(bytes) >= 0);
    }

    /// <summary>The data points of a gauge or sum exported since <paramref name="since"/>, oldest export first.</summary>
    public IReadOnlyList<MetricPoint> Metric(string name, DateTimeOffset since)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        return _exports.Where(e => e.Signal == "metrics" && e.At >= since && e.Body.AsSpan().IndexOf(bytes) >= 0)
            .SelectMany(e => OtlpMetrics.Parse(e.Body)).Where(p => p.Name == name).ToList();
    }

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var signal = context.Request.Url!.AbsolutePath.TrimEnd('/').Split('/').Last();
            _exports.Enqueue((signal, body.ToArray(), DateTimeOffset.UtcNow));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}
