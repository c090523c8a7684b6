namespace CoalitionBot.Core.Conversation;

/// <summary>What kind of conversation an inbound item arrived in.</summary>
public enum PlaceKind
{
    Direct,
    Channel,
    GroupChat,
}
