namespace CoalitionBot.Core.Outbox.Budget;

/// <summary>
/// A platform's rate budget as every instance on one database sees it: at most <see cref="SendBudgetKey.Limit"/>
/// calls in any <see cref="SendBudgetKey.Window"/>, counted once for all instances (the platform counts per
/// workspace or tenant, not per process). A caller reserves a time, waits until then, calls, and reports the answer.
/// </summary>
public interface ISendBudget
{
    /// <summary>
    /// The earliest time one more call fits the budget, reserved for this caller; refused (with how long until
    /// asking again is worth it) when that time is further away than <paramref name="longestWait"/>.
    /// </summary>
    ValueTask<SendReservation> ReserveAsync(SendBudgetKey budget, TimeSpan longestWait, CancellationToken cancellationToken);

    /// <summary>The reserved call was answered now: the window counts from now (the platform saw it no later).</summary>
    ValueTask AnsweredAsync(SendReservation reservation, CancellationToken cancellationToken);
}
