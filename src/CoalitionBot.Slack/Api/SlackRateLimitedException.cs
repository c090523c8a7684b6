namespace CoalitionBot.Slack.Api;

/// <summary>Slack answered 429 (or we know it would): try again after <see cref="RetryAfter"/>.</summary>
public sealed class SlackRateLimitedException(string method, TimeSpan retryAfter)
    : SlackApiException(method, "ratelimited")
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>Our own limiter refused before anything was sent (no 429 from Slack): a wait for a turn, not a failed attempt.</summary>
    public bool NotSent { get; init; }
}
