namespace CoalitionBot.Core.Outbox.Budget;

/// <summary>
/// The budget kept in this process only: right for one instance without a shared database, and the fallback of
/// platform clients built without storage. Several instances need the database's budget instead.
/// </summary>
public sealed class LocalSendBudget(TimeProvider time) : ISendBudget
{
    private readonly Dictionary<string, Dictionary<int, DateTimeOffset>> budgets = new(StringComparer.Ordinal);

    public ValueTask<SendReservation> ReserveAsync(SendBudgetKey budget, TimeSpan longestWait, CancellationToken cancellationToken)
    {
        lock (budgets)
        {
            if (!budgets.TryGetValue(budget.Name, out var slots))
            {
                budgets[budget.Name] = slots = [];
            }

            var now = time.GetUtcNow();
            var step = SendWindow.Next(slots.Select(s => (s.Key, s.Value)).ToList(), budget, now, longestWait);
            if (step.RefusedFor is { } wait)
            {
                return ValueTask.FromResult(SendReservation.Refused(budget, now, wait));
            }

            slots[step.Slot] = step.At;
            return ValueTask.FromResult(new SendReservation(budget, step.Slot, step.At, null));
        }
    }

    public ValueTask AnsweredAsync(SendReservation reservation, CancellationToken cancellationToken)
    {
        lock (budgets)
        {
            var now = time.GetUtcNow();
            if (reservation.Granted && budgets.TryGetValue(reservation.Budget.Name, out var slots)
                && slots.TryGetValue(reservation.Slot, out var at) && at == reservation.At && now > at)
            {
                slots[reservation.Slot] = now;
            }
        }

        return ValueTask.CompletedTask;
    }
}
