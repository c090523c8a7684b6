namespace CoalitionBot.Core.Conversation;

/// <summary>Who sent an inbound item, with what the platform told us about them (all optional but the identity).</summary>
public sealed record Actor(ChatIdentity Identity, string? DisplayName = null, string? Email = null, string? TimeZone = null);
