namespace CoalitionBot.Core.Reach;

/// <summary>
/// A platform identity found for a contact: what a <see cref="Domain.ContactIdentity"/> needs. <paramref name="ConversationId"/>
/// and <paramref name="Reference"/> are the adapter's (a Slack DM id; a Teams serviceUrl and tenant) when already known.
/// </summary>
public sealed record FoundIdentity(string TenantId, string UserId, string? DisplayName, string? ConversationId, string? Reference);
