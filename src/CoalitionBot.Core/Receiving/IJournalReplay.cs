using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Receiving;

/// <summary>An adapter's way to handle again a journaled delivery it acknowledged but never finished (registered per platform).</summary>
public interface IJournalReplay
{
    Platform Platform { get; }

    /// <summary>The handling for a journal entry's payload, or null when the payload cannot be read any more.</summary>
    HandleDelivery? Replay(JournalEntry entry);
}
