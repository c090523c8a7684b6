namespace CoalitionBot.Core.Domain;

/// <summary>
/// A contact's personal link to one memo's web sign-on page: a capability. Only the SHA-256 of its token is
/// stored with the random seed the token is derived from under the host's key (so a reminder can carry the same
/// link again without the token being stored). At most one link per contact and memo is active (not revoked).
/// </summary>
public sealed class PersonalLink
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CoalitionId { get; set; }

    public Guid MemoId { get; set; }

    public Guid ContactId { get; set; }

    /// <summary>128 random bits (hex); the token is HMAC-SHA256 of it under the host's key.</summary>
    public required string Seed { get; set; }

    /// <summary>SHA-256 of the token (hex): what an opened link is looked up by.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When this link stops working if the memo has no deadline (a deadline decides otherwise).</summary>
    public DateTimeOffset FallbackExpiry { get; set; }

    /// <summary>Set when a coordinator revoked it, or when a newer link replaced it.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The coordinator who revoked it; null when it was replaced by a newer link.</summary>
    public Guid? RevokedBy { get; set; }
}
