namespace CoalitionBot.Slack.Receiving;

/// <summary>Where the answer to one inbound item can go, and with which one-shot capabilities (trigger, response_url).</summary>
internal sealed record ReplyContext(
    ReplyOrigin Origin,
    string TeamId,
    string UserId,
    string? ChannelId,
    bool IsDirect,
    string? TriggerId,
    string? ResponseUrl,
    string? ViewType,
    string? CommandText = null);
