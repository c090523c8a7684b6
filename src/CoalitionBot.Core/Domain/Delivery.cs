using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Domain;

/// <summary>
/// One outbound message to one person, durable until sent. Written in the same transaction as the change
/// that caused it; <see cref="IdempotencyKey"/> is unique so the same purpose never queues twice.
/// </summary>
public sealed class Delivery
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string IdempotencyKey { get; set; }

    public Guid CoalitionId { get; set; }

    public Guid? MemoId { get; set; }

    public Guid ContactId { get; set; }

    public Guid IdentityId { get; set; }

    public Platform Platform { get; set; }

    /// <summary>How this person is reached, decided when it was queued: "Slack DM", "Teams chat (roster)", "e-mail (personal link)"….</summary>
    public string? Route { get; set; }

    /// <summary>Why it is sent: circulation, reminder, receipt, digest, notice.</summary>
    public required string Purpose { get; set; }

    /// <summary>The neutral message as JSON.</summary>
    public required string Payload { get; set; }

    public DeliveryState State { get; set; } = DeliveryState.Pending;

    public DateTimeOffset NotBefore { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>Until when a worker holds this row; another worker may take it after that.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>The claim that holds the lease; a worker only records outcomes for rows it still holds.</summary>
    public Guid? ClaimToken { get; set; }

    public string? PlatformMessageId { get; set; }

    /// <summary>When set, this delivery updates the message an earlier delivery posted.</summary>
    public Guid? ReplacesDeliveryId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>
    /// When set, the message is posted in this channel (a Slack channel id) for everyone there, not to the contact's
    /// direct conversation; the identity is then the coordinator who circulated it (its workspace and reference).
    /// </summary>
    public string? ChannelId { get; set; }
}
