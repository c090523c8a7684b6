namespace CoalitionBot.Core.Outbox;

/// <summary>What happened to one send attempt.</summary>
public abstract record DeliveryOutcome;

/// <summary>The platform accepted it. Keep the ids so the card can be updated later.</summary>
public sealed record DeliverySent(string PlatformMessageId, string? ConversationId) : DeliveryOutcome;

/// <summary>
/// A passing failure (rate limit, timeout, 5xx): try again, not before <paramref name="After"/> when given.
/// <paramref name="NotSent"/>: nothing reached the platform — our own rate budget had no place yet — so it is a
/// wait for its turn, not an attempt: it comes back exactly at <paramref name="After"/> and never counts towards giving up.
/// </summary>
public sealed record DeliveryRetry(string Reason, TimeSpan? After = null, bool NotSent = false) : DeliveryOutcome;

/// <summary>
/// A permanent failure: never retry. <paramref name="RecipientUnreachable"/> marks the contact (blocked the app,
/// left the workspace) so coordinators are told.
/// </summary>
public sealed record DeliveryFailed(string Reason, bool RecipientUnreachable) : DeliveryOutcome;

/// <summary>
/// This route cannot reach the person (Teams: the bot shares no team with them; Slack: cannot_dm_bot,
/// user_disabled), though another route may: the core marks the route failed for that contact and tries the next.
/// </summary>
public sealed record DeliveryRouteFailed(string Reason) : DeliveryOutcome;
