namespace CoalitionBot.Storage;

/// <summary>
/// One place in a platform's shared rate budget (see <see cref="Outbox.DatabaseSendBudget"/>): the time, in UTC
/// ticks, of the call that last used it. A budget of 300 calls a minute has up to 300 rows.
/// </summary>
public sealed class SendBudgetSlot
{
    public required string Budget { get; set; }

    public int Slot { get; set; }

    public long AtTicks { get; set; }
}
