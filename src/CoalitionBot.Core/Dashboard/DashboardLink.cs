using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Dashboard;

/// <summary>
/// A one-time sign-in link a coordinator asked for in chat. Only the SHA-256 of its token is stored; it is
/// redeemed at most once (a session's unique <see cref="DashboardSession.LinkId"/>) and only before <see cref="ExpiresAt"/>.
/// </summary>
public sealed class DashboardLink
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Lower-case hex SHA-256 of the token in the link; unique.</summary>
    public required string TokenHash { get; set; }

    public Guid ContactId { get; set; }

    /// <summary>The chat identity that asked: dashboard actions are sent as this identity.</summary>
    public Platform Platform { get; set; }

    public required string TenantId { get; set; }

    public required string UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public ChatIdentity Identity => new(Platform, TenantId, UserId);
}
