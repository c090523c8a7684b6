using System.Text.Json.Nodes;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Receiving;

namespace CoalitionBot.Slack.Receiving;

/// <summary>
/// Slack's one <see cref="IJournalReplay"/>: the journal holds Events API deliveries and sign-on submissions acked
/// before handling (view_submission payloads); each is handed back to the processor that journaled it.
/// </summary>
internal sealed class SlackJournalReplay(SlackEventProcessor events, SlackInboundProcessor interactions) : IJournalReplay
{
    public Platform Platform => Platform.Slack;

    public HandleDelivery? Replay(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        JsonObject? payload;
        try
        {
            payload = JsonNode.Parse(entry.Payload) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        return payload.Str("type") == "view_submission" ? interactions.Replay(payload!) : events.Replay(entry);
    }
}
