namespace CoalitionBot.Core.Conversation;

/// <summary>An inbound item acknowledged but not yet handled: its key, the adapter's payload, and how often it was tried.</summary>
public sealed record JournalEntry(string Key, string Payload, int Attempts);
