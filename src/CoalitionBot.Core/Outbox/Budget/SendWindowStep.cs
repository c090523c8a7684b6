namespace CoalitionBot.Core.Outbox.Budget;

/// <summary>
/// One step of <see cref="SendWindow"/>: take <see cref="Slot"/> (new when <see cref="Previous"/> is null, else
/// replace the time <see cref="Previous"/> it still holds) for a call at <see cref="At"/>; or refused for <see cref="RefusedFor"/>.
/// </summary>
public sealed record SendWindowStep(int Slot, DateTimeOffset? Previous, DateTimeOffset At, TimeSpan? RefusedFor);
