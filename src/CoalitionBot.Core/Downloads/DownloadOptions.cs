using System.ComponentModel.DataAnnotations;

namespace CoalitionBot.Core.Downloads;

/// <summary>Configuration section "Downloads": how download links are signed and how long they work.</summary>
public sealed class DownloadOptions
{
    public const string Section = "Downloads";

    /// <summary>
    /// HMAC-SHA256 key for download links (at least 32 characters). When empty the host generates one at first
    /// start and keeps it in the database, so links survive restarts and work on every instance.
    /// </summary>
    [MinLength(32)]
    public string? SigningKey { get; set; }

    /// <summary>How long a download link works after it was made.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);
}
