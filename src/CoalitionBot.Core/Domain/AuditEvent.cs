namespace CoalitionBot.Core.Domain;

/// <summary>An append-only record of one change: who, what, when, the state before and after (JSON).</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    public Guid CoalitionId { get; set; }

    public Guid? MemoId { get; set; }

    public Guid? ActorId { get; set; }

    /// <summary>A dotted verb such as "signon.signed" or "memo.closed".</summary>
    public required string Action { get; set; }

    /// <summary>What changed, in words ("M-3 / The Rights Network").</summary>
    public required string Subject { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>How the actor reached us: "Slack", "Teams", "web channel", "e-mail link", or "automatic" for the bot's own work.</summary>
    public string? Via { get; set; }

    /// <summary>For changes that did not come through a chat platform (the e-mail link's web page): the sender's address and browser.</summary>
    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }
}
