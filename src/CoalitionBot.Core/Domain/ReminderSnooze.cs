namespace CoalitionBot.Core.Domain;

/// <summary>
/// "Remind me tomorrow": a contact asked for no reminder about a memo until <see cref="Until"/>, then one.
/// One row per memo and contact (a unique key); snoozing again moves it.
/// </summary>
public sealed class ReminderSnooze
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MemoId { get; set; }

    public Guid ContactId { get; set; }

    /// <summary>When the contact pressed the button.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>When the one reminder is due (in the contact's allowed hours, before the deadline).</summary>
    public DateTimeOffset Until { get; set; }
}
