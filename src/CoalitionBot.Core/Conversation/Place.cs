namespace CoalitionBot.Core.Conversation;

/// <summary>
/// Where an inbound item arrived. <paramref name="Reference"/> is the adapter's own opaque data
/// (a Teams conversation reference, say) that the core stores with the identity and hands back on delivery.
/// </summary>
public sealed record Place(Platform Platform, string TenantId, string ConversationId, PlaceKind Kind, string? Reference = null);
