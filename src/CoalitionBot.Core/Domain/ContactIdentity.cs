using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Domain;

/// <summary>One chat identity of a contact, with what the platform needs to reach them later.</summary>
public sealed class ContactIdentity
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ContactId { get; set; }

    public Platform Platform { get; set; }

    public required string TenantId { get; set; }

    public required string UserId { get; set; }

    /// <summary>The direct conversation with this person once known (a Slack DM id, a Teams 1:1 conversation id).</summary>
    public string? ConversationId { get; set; }

    /// <summary>The adapter's opaque conversation reference (Teams serviceUrl and ids).</summary>
    public string? Reference { get; set; }

    /// <summary>When the person last wrote from this identity; the default for one found by e-mail that never wrote.</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>Set when this route cannot reach the person (Slack cannot_dm_bot, Teams 403, e-mail bounced): the next route is used.</summary>
    public string? RouteFailure { get; set; }

    /// <summary>When the person picked this identity's coalition (`coalition use`); the latest pick wins.</summary>
    public DateTimeOffset? ChosenAt { get; set; }

    public ChatIdentity ToChatIdentity() => new(Platform, TenantId, UserId);

    /// <summary>
    /// Where to reach a person with several identities: a route that has not failed; the one they prefer; Slack or
    /// Teams, then the unverified web playground, then e-mail; the most recently seen first.
    /// </summary>
    public static ContactIdentity Preferred(IEnumerable<ContactIdentity> identities, Platform? prefers = null) =>
        identities.OrderBy(i => i.RouteFailure is null ? 0 : 1)
            .ThenBy(i => i.Platform == prefers ? 0 : 1)
            .ThenBy(i => i.Platform switch { Platform.Web => 1, Platform.Email => 2, _ => 0 })
            .ThenByDescending(i => i.LastSeenAt).First();
}
