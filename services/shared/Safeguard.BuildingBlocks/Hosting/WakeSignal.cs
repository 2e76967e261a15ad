namespace Safeguard.BuildingBlocks.Hosting;

/// <summary>
/// Wakes a polling background worker as soon as there is work, instead of at its next poll. Signals
/// coalesce: many notifications before a wait wake it once.
/// </summary>
public abstract class WakeSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Another caller signalled between the check and the release: already awake.
        }
    }

    /// <returns>True when signalled, false when the timeout passed.</returns>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
