namespace CoalitionBot.Testing.Slack;

/// <summary>
/// Slack's rate limits, on by default as on the real Slack (PROTOCOLS.md): each Web API method has its tier's
/// per-minute budget per workspace, and chat.postMessage about one message per second per channel with short
/// bursts tolerated, within a workspace-wide budget. A refused call gets 429 with Retry-After, measured on the
/// simulator's clock. <see cref="SetRateLimit"/> and <see cref="SetChannelRateLimit"/> tighten a method for a test;
/// <see cref="WithoutRateLimits"/> lifts them all, for a test that must say why.
/// </summary>
public sealed partial class SlackSimulator
{
    /// <summary>Tier per method (Tier 1 = 1, Tier 2 = 20, Tier 3 = 50, Tier 4 = 100 calls a minute).</summary>
    public static readonly IReadOnlyDictionary<string, int> Tiers = new Dictionary<string, int>
    {
        ["chat.update"] = 3,
        ["chat.postEphemeral"] = 4,
        ["views.open"] = 4,
        ["views.update"] = 4,
        ["views.push"] = 4,
        ["views.publish"] = 4,
        ["conversations.open"] = 3,
        ["conversations.list"] = 2,
        ["conversations.members"] = 4,
        ["users.info"] = 4,
        ["users.lookupByEmail"] = 3,
        ["team.info"] = 3,
        ["files.getUploadURLExternal"] = 4,
        ["files.completeUploadExternal"] = 4,
    };

    /// <summary>chat.postMessage's workspace-wide budget a minute ("several hundred").</summary>
    public const int PostMessagesPerMinute = 300;

    /// <summary>chat.postMessage per channel: a burst of this many, then about one a second.</summary>
    public const int PostMessageBurstPerChannel = 5;

    /// <summary>Lifts every rate limit, the defaults included. Only for a test that says why it must flood.</summary>
    public SlackSimulator WithoutRateLimits()
    {
        rateLimits.Clear();
        channelRateLimits.Clear();
        return this;
    }

    private void ApplySlackRateLimits()
    {
        foreach (var (method, tier) in Tiers)
        {
            SetRateLimit(method, tier switch { 1 => 1, 2 => 20, 3 => 50, _ => 100 }, TimeSpan.FromMinutes(1));
        }

        SetRateLimit("chat.postMessage", PostMessagesPerMinute, TimeSpan.FromMinutes(1));
        SetChannelRateLimit("chat.postMessage", PostMessageBurstPerChannel, TimeSpan.FromSeconds(PostMessageBurstPerChannel));
    }
}
