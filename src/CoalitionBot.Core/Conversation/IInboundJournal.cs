namespace CoalitionBot.Core.Conversation;

/// <summary>
/// A durable note of each inbound item an adapter acknowledged before handling it (Slack events, Teams messages),
/// written before the acknowledgement and completed after handling. After a crash, an adapter takes the unfinished
/// ones back and handles them again; the core's de-duplication makes that take effect once.
/// </summary>
public interface IInboundJournal
{
    /// <summary>Records an item (a second record of the same key is ignored). Throws when the store is unreachable: then do not acknowledge.</summary>
    Task RecordAsync(Platform platform, string key, string payload, CancellationToken cancellationToken);

    /// <summary>Marks an item handled.</summary>
    Task CompleteAsync(Platform platform, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Unfinished items received before <paramref name="receivedBefore"/> and not tried since then, at most
    /// <paramref name="max"/>; each is counted as one more attempt (items tried five times are left alone).
    /// </summary>
    Task<IReadOnlyList<JournalEntry>> TakeUnfinishedAsync(Platform platform, DateTimeOffset receivedBefore, int max, CancellationToken cancellationToken);
}
