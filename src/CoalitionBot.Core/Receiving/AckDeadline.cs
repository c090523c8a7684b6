using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Receiving;

/// <summary>How long a platform waits for our acknowledgement before it counts the delivery as failed (Slack: 3 s).</summary>
public sealed record AckDeadline(Platform Platform, TimeSpan Within);
