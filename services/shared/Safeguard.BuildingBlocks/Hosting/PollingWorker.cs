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

    // TimeProvider timestamps: monotonic, untouched by the test clock's jumps.
    private long _lastRoundAt = time.GetTimestamp();

    protected TimeProvider Time => time;

    protected ILogger Logger => logger;

    /// <summary>How long to sleep when no work is waiting and no signal comes.</summary>
    protected abstract TimeSpan PollInterval { get; }

    /// <summary>The worker's name in /health's reasons: its type's, without a generic suffix.</summary>
    internal string Name => GetType().Name.Split('`')[0];

    internal TimeSpan Interval => PollInterval;

    /// <summary>How long since a round last finished (or the worker started): a stuck or failing worker's grows.</summary>
    internal TimeSpan SinceLastRound => time.GetElapsedTime(Interlocked.Read(ref _lastRoundAt));

    /// <summary>One round of work.</summary>
    /// <returns>True when more work may be waiting right away.</returns>
    protected abstract Task<bool> RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>
    /// How many rounds run at once in this process. More than one only where each round locks its own work
    /// (SKIP LOCKED) and waits on something slow outside the database, such as an SMTP server.
    /// </summary>
    protected virtual int Parallelism => 1;

    protected sealed override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, Parallelism)).Select(_ => LoopAsync(stoppingToken)));

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        Interlocked.Exchange(ref _lastRoundAt, time.GetTimestamp());
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var more = await RunOnceAsync(stoppingToken);
                Interlocked.Exchange(ref _lastRoundAt, time.GetTimestamp());
                backoff = TimeSpan.Zero;
                if (!more)
                {
                    await signal.WaitAsync(PollInterval, stoppingToken);
                }
                else if (Parallelism > 1)
                {
                    signal.Notify(); // work is waiting: wake a sibling loop too
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
