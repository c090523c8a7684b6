namespace CoalitionBot.Slack.Api;

/// <summary>Where a posted message landed: its channel and ts (together the message's id).</summary>
public sealed record SlackPostedMessage(string Channel, string Ts)
{
    /// <summary>"channel:ts", the platform message id the outbox stores.</summary>
    public string PlatformMessageId => Channel + ":" + Ts;
}
