namespace CoalitionBot.Core.Outbox.Budget;

/// <summary>
/// The rule both budgets apply, a sliding-window log as the platforms count: a budget has at most Limit slots,
/// each holding the time of the call that last used it. A new call takes a free slot now, or the oldest slot once
/// that slot's call has left the window (its time + Window) — which is how many calls the platform still sees.
/// </summary>
public static class SendWindow
{
    private static readonly TimeSpan MinimumDelay = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// Waits until the clock reads <paramref name="at"/> or later. A timer may fire a little before the wall clock
    /// gets there; a call made then would reach the platform while the call whose place it takes still counts.
    /// </summary>
    public static async Task UntilAsync(DateTimeOffset at, TimeProvider time, CancellationToken cancellationToken)
    {
        for (var left = at - time.GetUtcNow(); left > TimeSpan.Zero; left = at - time.GetUtcNow())
        {
            await Task.Delay(left < MinimumDelay ? MinimumDelay : left, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>What to do with a budget whose slots are <paramref name="slots"/> (slot number, time).</summary>
    public static SendWindowStep Next(IReadOnlyCollection<(int Slot, DateTimeOffset At)> slots, SendBudgetKey budget, DateTimeOffset now, TimeSpan longestWait)
    {
        if (slots.Count < budget.Limit)
        {
            var used = slots.Select(s => s.Slot).ToHashSet();
            var free = Enumerable.Range(0, budget.Limit).First(i => !used.Contains(i));
            return new SendWindowStep(free, null, now, null);
        }

        var oldest = slots.OrderBy(s => s.At).ThenBy(s => s.Slot).First();
        var at = oldest.At + budget.Window > now ? oldest.At + budget.Window : now;
        return at - now > longestWait
            ? new SendWindowStep(-1, null, now, at - now)
            : new SendWindowStep(oldest.Slot, oldest.At, at, null);
    }
}
