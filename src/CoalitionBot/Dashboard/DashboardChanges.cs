namespace CoalitionBot.Dashboard;

/// <summary>
/// An in-process "something was saved" signal. Live pages wait on it and then compare the memo's change stamp,
/// so a pulse for another memo costs one cheap query. Other instances' changes are found by the periodic check.
/// </summary>
public sealed class DashboardChanges
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Pulse() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Completes at the next pulse or after <paramref name="timeout"/> on <paramref name="clock"/>, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        var pulse = Volatile.Read(ref _next).Task;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, clock, stop.Token);
        await Task.WhenAny(pulse, delay);
        await stop.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }
}
