namespace CoalitionBot.Core.Reach;

/// <summary>Wakes the background look-up when contacts were added or imported, instead of waiting for its next interval.</summary>
public sealed class ReachSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // already signalled
            }
        }
    }

    /// <summary>Waits until notified or the <paramref name="timeout"/> passes (real time: the interval is only a safety net).</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
