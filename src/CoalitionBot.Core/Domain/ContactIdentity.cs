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

    public DateTimeOffset LastSeenAt { get; set; }

    public ChatIdentity ToChatIdentity() => new(Platform, TenantId, UserId);

    /// <summary>Where to reach a person with several identities: Slack or Teams before the unverified web playground, then the most recently seen.</summary>
    public static ContactIdentity Preferred(IEnumerable<ContactIdentity> identities) =>
        identities.OrderBy(i => i.Platform == Platform.Web ? 1 : 0).ThenByDescending(i => i.LastSeenAt).First();
}
