namespace CoalitionBot.Core.Reminders;

/// <summary>What one sweep did: memos closed at their deadline, and messages it queued (reminders, escalations, digests).</summary>
public sealed record SweepResult(int Closed, int Queued);
