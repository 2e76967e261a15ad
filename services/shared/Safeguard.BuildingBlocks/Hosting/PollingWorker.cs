using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Safeguard.BuildingBlocks.Hosting;

/// <summary>
/// A background worker that polls for due work (outbox rows, e-mails, deadlines): it runs rounds while work
/// is waiting, then sleeps until its signal or its interval, and backs off (1, 2, 4... up to 30 s) while its
/// database or broker is unreachable. Work stays in the database meanwhile, so nothing is lost.
/// </summary>
public abstract class PollingWorker(WakeSignal signal, TimeProvider time, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected TimeProvider Time => time;

    protected ILogger Logger => logger;

    /// <summary>How long to sleep when no work is waiting and no signal comes.</summary>
    protected abstract TimeSpan PollInterval { get; }

    /// <summary>One round of work.</summary>
    /// <returns>True when more work may be waiting right away.</returns>
    protected abstract Task<bool> RunOnceAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var more = await RunOnceAsync(stoppingToken);
                backoff = TimeSpan.Zero;
                if (!more)
                {
                    await signal.WaitAsync(PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                backoff = backoff == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
                // The exception's type only: its message could quote stored data.
                logger.LogWarning("{Worker} paused after {Error}; retrying in {Backoff}", GetType().Name, ex.GetType().Name, backoff);
                await Task.Delay(backoff, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
