namespace CoalitionBot.Dashboard;

/// <summary>
/// An in-process "something was saved" signal. Live pages wait on it and then compare the memo's change stamp,
/// so a pulse for another memo costs one cheap query. Other instances' changes are found by the periodic check.
/// </summary>
public sealed class DashboardChanges
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Pulse() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>
    /// Completes at the next pulse, after <paramref name="timeout"/> on <paramref name="clock"/>, or when
    /// <paramref name="orWhen"/> (given a token that is cancelled once this returns) completes, whichever is first.
    /// </summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct, Func<CancellationToken, Task>? orWhen = null)
    {
        var pulse = Volatile.Read(ref _next).Task;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, clock, stop.Token);
        await Task.WhenAny(pulse, delay, orWhen?.Invoke(stop.Token) ?? pulse);
        await stop.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }
}
