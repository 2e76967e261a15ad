namespace Safeguard.Gateway.Shield;

/// <summary>
/// One service's turns: at most <see cref="Limit"/> requests at once, a short queue behind them, and a limit that
/// follows the service's answer times (additive increase, multiplicative decrease, as TCP finds a path's capacity).
/// Each window of answers (a quarter of a second, or 200 answers, whichever ends first, and at least 10) ends with a look at their
/// 90th percentile: above the target the limit shrinks by a quarter (never under the minimum), else it grows by one
/// (never over the maximum). So when the service slows down, fewer requests are admitted and their time stays near
/// the target while the excess is refused; when the load drops, the turns come back by themselves.
/// The queue absorbs bursts, first come first served. A queue that has not emptied for <see cref="StandingAfter"/> is
/// no burst but overload (CoDel's "standing queue"): then a newcomer goes to the front and waits only the standing
/// queue's short time. Served oldest first, an overloaded queue makes every admitted request wait nearly the whole
/// queue time before its answer even starts; served newest first, the requests admitted hardly wait, and the ones left
/// at the back are refused when their time runs out, as the excess has to be anyway (adaptive LIFO).
/// </summary>
public sealed class Turns
{
    private const int MinWindow = 10, MaxWindow = 200;
    // Short enough that the first second of an overload does not run at the full limit: its answers would set the p99.
    private static readonly TimeSpan WindowLength = TimeSpan.FromMilliseconds(250);

    /// <summary>How long the queue must stay non-empty to count as standing (CoDel's interval).</summary>
    public static readonly TimeSpan StandingAfter = TimeSpan.FromMilliseconds(100);

    private readonly ServiceAdmission.Limits _limits;
    private readonly TimeProvider _clock;
    private readonly object _gate = new();
    private readonly LinkedList<TaskCompletionSource<IDisposable>> _queue = new();
    private readonly List<double> _window = new(MaxWindow);
    private long _windowStarted;
    private long _queuedSince;
    private double _limit;
    private int _inFlight;

    public Turns(ServiceAdmission.Limits limits, TimeProvider clock)
    {
        _limits = limits;
        _clock = clock;
        _limit = limits.Concurrency;
        _windowStarted = clock.GetTimestamp();
    }

    /// <summary>How many requests the service is given at once now.</summary>
    public int Limit
    {
        get
        {
            lock (_gate)
            {
                return (int)_limit;
            }
        }
    }

    public async ValueTask<IDisposable?> EnterAsync(CancellationToken requestAborted)
    {
        LinkedListNode<TaskCompletionSource<IDisposable>> waiting;
        TimeSpan patience;
        lock (_gate)
        {
            if (_inFlight < (int)_limit)
            {
                _inFlight++;
                return new Turn(this);
            }
            if (_queue.Count >= _limits.QueueLimit)
            {
                return null;
            }
            var turn = new TaskCompletionSource<IDisposable>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_queue.Count == 0)
            {
                _queuedSince = _clock.GetTimestamp();
            }
            if (_clock.GetElapsedTime(_queuedSince) >= StandingAfter)
            {
                waiting = _queue.AddFirst(turn);
                patience = _limits.StandingQueueTimeout;
            }
            else
            {
                waiting = _queue.AddLast(turn);
                patience = _limits.QueueTimeout;
            }
        }
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        wait.CancelAfter(patience);
        await using (wait.Token.Register(() => Abandon(waiting)))
        {
            try
            {
                return await waiting.Value.Task;
            }
            catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
            {
                return null;
            }
        }
    }

    /// <summary>A queued request that gave up (its time ran out, or its caller went away) leaves the queue.</summary>
    private void Abandon(LinkedListNode<TaskCompletionSource<IDisposable>> waiting)
    {
        lock (_gate)
        {
            if (waiting.List is not null)
            {
                _queue.Remove(waiting);
            }
        }
        waiting.Value.TrySetCanceled();
    }

    private void Leave(long entered)
    {
        lock (_gate)
        {
            _inFlight--;
            Learn(_clock.GetElapsedTime(entered).TotalMilliseconds);
        }
        HandOver();
    }

    /// <summary>Gives the free turns to the queued requests, from the front.</summary>
    private void HandOver()
    {
        while (true)
        {
            TaskCompletionSource<IDisposable> next;
            lock (_gate)
            {
                if (_inFlight >= (int)_limit || _queue.First is not { } first)
                {
                    return;
                }
                // Taken at once, so a newcomer cannot slip in before a queued request.
                _queue.RemoveFirst();
                _inFlight++;
                next = first.Value;
            }
            if (!next.TrySetResult(new Turn(this)))
            {
                // It gave up in the same instant: the turn is free again.
                lock (_gate)
                {
                    _inFlight--;
                }
            }
        }
    }

    private void Learn(double milliseconds)
    {
        var target = _limits.TargetLatency.TotalMilliseconds;
        if (target <= 0)
        {
            return;
        }
        _window.Add(milliseconds);
        var ended = _window.Count >= MaxWindow || (_window.Count >= MinWindow && _clock.GetElapsedTime(_windowStarted) >= WindowLength);
        if (!ended)
        {
            return;
        }
        _window.Sort();
        var p90 = _window[(int)Math.Ceiling(0.9 * _window.Count) - 1];
        _limit = p90 > target
            ? Math.Max(_limits.MinConcurrency, _limit * 0.75)
            : Math.Min(_limits.Concurrency, _limit + 1);
        _window.Clear();
        _windowStarted = _clock.GetTimestamp();
    }

    private sealed class Turn(Turns turns) : IDisposable
    {
        private readonly long _entered = turns._clock.GetTimestamp();
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                turns.Leave(_entered);
            }
        }
    }
}
