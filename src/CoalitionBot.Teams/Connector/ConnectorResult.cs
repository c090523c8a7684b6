namespace CoalitionBot.Teams.Connector;

/// <summary>
/// What the Bot Connector answered. Status 0 means we never got an answer (network, timeout, local throttling
/// when <see cref="LocallyThrottled"/>).
/// </summary>
internal sealed record ConnectorResult(int Status, string? Id = null, TimeSpan? RetryAfter = null, string? ErrorCode = null, bool LocallyThrottled = false)
{
    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>Worth another try later: throttled, precondition (412), gateway errors, no answer.</summary>
    public bool Transient => LocallyThrottled || Status is 0 or 401 or 412 or 429 or 500 or 502 or 503 or 504;

    /// <summary>The user blocked or removed the app (403 MessageWritesBlocked): stop writing to them.</summary>
    public bool RecipientBlocked => Status == 403 && ErrorCode is "MessageWritesBlocked" or "ConversationBlockedByUser" or "BotNotInConversationRoster";
}
