namespace CoalitionBot.Slack.Receiving;

/// <summary>The three kinds of Slack delivery, named as Socket Mode names its envelopes.</summary>
internal enum SlackPayloadKind
{
    SlashCommand,
    Interactive,
    Event,
}
