using System.Net;
using System.Net.Sockets;

namespace Safeguard.Testing;

/// <summary>Loopback ports nobody listens on now, so that a test run never meets another run's servers.</summary>
public static class FreePorts
{
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
            // RabbitMQ takes its distribution port at AMQP + 1: keep that free too.
            return ports.Any(p => p >= 65535) ? Take(count) : ports;
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
