namespace CoalitionBot.Slack.Receiving;

/// <summary>What produced an inbound item; it decides what an ack may carry.</summary>
internal enum ReplyOrigin
{
    Command,
    Action,
    ViewSubmission,
    Event,
}
