namespace CoalitionBot.Core.Reminders;

/// <summary>
/// One reminder to send. <paramref name="Index"/> is the rank of its offset in the policy, largest first
/// (0 = earliest nominal reminder), so it stays the same when other reminders are dropped or merged and
/// can key an idempotent delivery.
/// </summary>
public sealed record PlannedReminder(int Index, DateTimeOffset DueUtc, TimeSpan NominalOffset);
