using System.ComponentModel.DataAnnotations;

namespace CoalitionBot.Reminders;

/// <summary>Configuration section "Reminders": the loop that sends reminders, digests and closes memos at their deadline.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Run the reminder sweep in this instance (default true; several instances may all run it).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often to look for due reminders, digests and deadlines.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
