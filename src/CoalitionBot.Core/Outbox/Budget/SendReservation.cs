namespace CoalitionBot.Core.Outbox.Budget;

/// <summary>
/// A reserved place in a budget: slot <see cref="Slot"/> may be used at <see cref="At"/>. Refused when
/// <see cref="RefusedFor"/> is set (then <see cref="Slot"/> is -1 and nothing was reserved).
/// </summary>
public sealed record SendReservation(SendBudgetKey Budget, int Slot, DateTimeOffset At, TimeSpan? RefusedFor)
{
    public bool Granted => RefusedFor is null;

    public static SendReservation Refused(SendBudgetKey budget, DateTimeOffset now, TimeSpan wait) => new(budget, -1, now, wait);
}
