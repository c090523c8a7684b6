using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Storage;

/// <summary>A row of the inbound journal: an acknowledged inbound item, until it has been handled.</summary>
public sealed class InboundJournalEntry
{
    public Platform Platform { get; set; }

    public required string Key { get; set; }

    public required string Payload { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset? LastTriedAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
