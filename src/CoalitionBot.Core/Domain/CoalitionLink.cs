using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Domain;

/// <summary>
/// A place that belongs to one coalition: a whole Slack workspace or Teams tenant (<see cref="ConversationId"/> empty)
/// or one channel. People who write there without having picked a coalition reach this one.
/// </summary>
public sealed class CoalitionLink
{
    /// <summary>The <see cref="ConversationId"/> of a link for a whole workspace or tenant.</summary>
    public const string Everywhere = "";

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CoalitionId { get; set; }

    public Platform Platform { get; set; }

    /// <summary>The Slack team id or the Teams tenant id.</summary>
    public required string TenantId { get; set; }

    /// <summary>The channel, or <see cref="Everywhere"/> for the whole workspace or tenant.</summary>
    public required string ConversationId { get; set; }

    public Guid? CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
