namespace CoalitionBot.Documents;

/// <summary>What the audit certificate says about the memo as a whole.</summary>
/// <param name="TimeZoneId">The memo's IANA time zone: every time is shown in it, with UTC alongside.</param>
/// <param name="ListHash">The final list's SHA-256 (null while the memo is not final).</param>
/// <param name="FinalisedBy">Who made the list final, and via which platform.</param>
public sealed record AuditMemo(string Title, string TimeZoneId = "UTC", string? ListHash = null, DateTimeOffset? FinalisedAt = null, string? FinalisedBy = null)
{
    /// <summary>The zone, or UTC when the id is unknown on this machine.</summary>
    public TimeZoneInfo Zone => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>True when times need no second (UTC) rendering.</summary>
    public bool IsUtc => Zone.BaseUtcOffset == TimeSpan.Zero && !Zone.SupportsDaylightSavingTime;
}
