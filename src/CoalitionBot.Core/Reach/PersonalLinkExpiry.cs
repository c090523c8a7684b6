using CoalitionBot.Core.Domain;

namespace CoalitionBot.Core.Reach;

/// <summary>
/// When a personal link stops working: the memo's deadline plus the grace its late policy gives (none when late
/// answers are refused), so an extended deadline extends every link. Without a deadline, a fixed time after issue.
/// </summary>
public static class PersonalLinkExpiry
{
    /// <summary>How long after the deadline a link still opens when late answers are accepted (flagged or held).</summary>
    public static readonly TimeSpan LateGrace = TimeSpan.FromDays(14);

    /// <summary>How long a link works when its memo has no deadline.</summary>
    public static readonly TimeSpan WithoutDeadline = TimeSpan.FromDays(90);

    public static TimeSpan Grace(LatePolicy policy) => policy == LatePolicy.Reject ? TimeSpan.Zero : LateGrace;

    public static DateTimeOffset ExpiresAt(PersonalLink link, Memo memo) =>
        memo.Deadline is { } deadline ? deadline + Grace(memo.LatePolicy) : link.FallbackExpiry;

    /// <summary>Whether the expiry comes from the memo's deadline (a fresh link would expire at the same moment).</summary>
    public static bool SetByDeadline(Memo memo) => memo.Deadline is not null;
}
