using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Outbox;

/// <summary>
/// Where one outbound message goes: a person on a platform (a DM), or a known conversation.
/// <paramref name="ConversationId"/> and <paramref name="Reference"/> are what the adapter gave us earlier.
/// </summary>
public sealed record DeliveryTarget(Platform Platform, string TenantId, string UserId, string? ConversationId, string? Reference);
