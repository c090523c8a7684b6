namespace CoalitionBot.Documents;

/// <summary>What a comment digest shows and in which time zone.</summary>
/// <param name="IncludeResolved">Show resolved threads (marked) instead of only counting them.</param>
/// <param name="TimeZone">Zone to show times in; UTC when null.</param>
/// <param name="ExcerptLength">Characters of each paragraph's text quoted under its heading.</param>
public sealed record CommentDigestOptions(bool IncludeResolved = false, TimeZoneInfo? TimeZone = null, int ExcerptLength = 80)
{
    public static CommentDigestOptions Default { get; } = new();
}
