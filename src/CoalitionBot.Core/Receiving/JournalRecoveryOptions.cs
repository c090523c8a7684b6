using System.ComponentModel.DataAnnotations;

namespace CoalitionBot.Core.Receiving;

/// <summary>
/// When the inbound journal's unfinished items (acknowledged, then the process died) are queued again. An item is taken
/// back only once it is older than <see cref="RecoverAfter"/>, so that another instance still handling it is not raced;
/// the journal is looked at once at start and then every <see cref="RecoveryInterval"/>.
/// </summary>
public sealed class JournalRecoveryOptions
{
    public const string Section = "Receiving";

    /// <summary>How old an unfinished item must be before it is handled again (default 5 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RecoverAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the journal is looked at (default every minute).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromMinutes(1);
}
