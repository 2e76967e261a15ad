using System.Net;

namespace Safeguard.LoadBenchmark;

/// <summary>
/// While the world is set up, a refusal for load (503 or 429 with Retry-After) is waited out and the request sent again,
/// as a well-behaved client does: a platform just started answers its first requests slowly, its gateway narrows the
/// services' turns (issue 25 §1), and a set-up step refused then is not a benchmark failure. During the measured
/// phases refusals are counted instead (<see cref="Mix"/>), so this is switched off before them.
/// </summary>
public sealed class SetUpRetries(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private const int MaxAttempts = 30;

    private static volatile bool _active;

    /// <summary>Waits out refusals until the returned scope is disposed.</summary>
    public static IDisposable Begin()
    {
        _active = true;
        return new Scope();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!_active || attempt == MaxAttempts || !IsRefusal(response))
            {
                return response;
            }
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(wait, cancellationToken);
        }
    }

    private static bool IsRefusal(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests && response.Headers.RetryAfter is not null;

    private sealed class Scope : IDisposable
    {
        public void Dispose() => _active = false;
    }
}
