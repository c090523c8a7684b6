using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Domain;

/// <summary>
/// A person the bot does not know, who pressed a memo card's button (in a channel the memo was circulated to), saying
/// which organisation they are with. Nothing they do counts until a coordinator approves it with `partners approve
/// <see cref="Number"/>`, which makes them a contact and links this chat identity to them.
/// </summary>
public sealed class JoinRequest
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CoalitionId { get; set; }

    /// <summary>1, 2, 3… per coalition (unique): what coordinators type.</summary>
    public int Number { get; set; }

    public Platform Platform { get; set; }

    /// <summary>The person's own workspace or tenant (a Slack Connect member's team, not ours).</summary>
    public required string TenantId { get; set; }

    public required string UserId { get; set; }

    /// <summary>The adapter's conversation reference from where they asked, kept for their identity once approved.</summary>
    public string? Reference { get; set; }

    public required string OrganisationName { get; set; }

    public required string PersonName { get; set; }

    public required string Email { get; set; }

    public required string Title { get; set; }

    /// <summary>The memo whose card they pressed; sent to them in a DM once approved.</summary>
    public string? MemoCode { get; set; }

    public JoinRequestState State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The contact the approval made (or found).</summary>
    public Guid? ContactId { get; set; }
}
