using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Dashboard;

/// <summary>
/// A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. One session per link
/// (unique <see cref="LinkId"/>), so a link can never be used twice, even by two browsers at once.
/// </summary>
public sealed class DashboardSession
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string TokenHash { get; set; }

    public Guid LinkId { get; set; }

    public Guid ContactId { get; set; }

    public Platform Platform { get; set; }

    public required string TenantId { get; set; }

    public required string UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Set at sign-out; the session is then refused.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    public ChatIdentity Identity => new(Platform, TenantId, UserId);
}
