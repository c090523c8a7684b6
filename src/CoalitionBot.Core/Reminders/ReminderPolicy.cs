namespace CoalitionBot.Core.Reminders;

/// <summary>When to remind a partner contact who has not answered: offsets before the deadline, and the quiet hours to respect.</summary>
public sealed record ReminderPolicy
{
    /// <summary>Three days, one day and three hours before the deadline, outside the default quiet hours.</summary>
    public static ReminderPolicy Default { get; } = new();

    /// <summary>How long before the deadline each reminder is nominally due; each must be positive.</summary>
    public IReadOnlyList<TimeSpan> Offsets { get; init; } = [TimeSpan.FromDays(3), TimeSpan.FromDays(1), TimeSpan.FromHours(3)];

    /// <summary>The recipient's quiet hours, applied in the recipient's own time zone.</summary>
    public QuietHours QuietHours { get; init; } = QuietHours.Default;

    /// <summary>Policies are equal when their offsets are equal in order, not when they share a list.</summary>
    public bool Equals(ReminderPolicy? other) =>
        other is not null && QuietHours == other.QuietHours && Offsets.SequenceEqual(other.Offsets);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(QuietHours);
        foreach (var offset in Offsets)
        {
            hash.Add(offset);
        }

        return hash.ToHashCode();
    }
}
