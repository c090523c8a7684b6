using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Domain;

/// <summary>
/// A person the bot knows: a contact of a partner organisation, a coordinator, or both.
/// A coordinator need not belong to a partner organisation.
/// </summary>
public sealed class Contact
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CoalitionId { get; set; }

    public Guid? OrganisationId { get; set; }

    public required string Name { get; set; }

    /// <summary>Lower-cased e-mail; links a chat identity to this contact on first contact.</summary>
    public string? Email { get; set; }

    /// <summary>IANA time zone for reminders and dates.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Whether this person may sign on behalf of their organisation.</summary>
    public bool IsAuthorisedSigner { get; set; } = true;

    public bool IsCoordinator { get; set; }

    /// <summary>For coordinators: the local time of their daily digest of open memos; null when off.</summary>
    public TimeOnly? DigestAt { get; set; }

    /// <summary>Set when a platform said we can no longer reach this person (blocked the app, left).</summary>
    public bool Unreachable { get; set; }

    /// <summary>Why no route reaches this person (no e-mail and no chat identity, e-mail bounced); shown to coordinators.</summary>
    public string? UnreachableReason { get; set; }

    /// <summary>The route this person asked for (Slack, Teams or Email); null for the default order.</summary>
    public Platform? PreferredPlatform { get; set; }

    /// <summary>When Slack and Teams were last asked who has this e-mail; null while the look-up is still due.</summary>
    public DateTimeOffset? ReachCheckedAt { get; set; }

    /// <summary>When a platform that could not answer the look-up (Slack's rate limit) is asked again; null when none waits.</summary>
    public DateTimeOffset? ReachRetryAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public static string? NormaliseEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
}
