using System.Threading.RateLimiting;

namespace CoalitionBot.Teams.Connector;

/// <summary>
/// Teams' documented write limits, enforced before we send so we rarely see a 429: per conversation 7/1 s,
/// 8/2 s, 60/30 s and 1,800/1 h, and about 50 requests per second per tenant.
/// </summary>
internal sealed class ConnectorRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<(string Tenant, string Conversation)> limiter;

    public ConnectorRateLimiter()
    {
        limiter = PartitionedRateLimiter.CreateChained(
            PerConversation(7, TimeSpan.FromSeconds(1), 5),
            PerConversation(8, TimeSpan.FromSeconds(2), 4),
            PerConversation(60, TimeSpan.FromSeconds(30), 10),
            PerConversation(1800, TimeSpan.FromHours(1), 12),
            PartitionedRateLimiter.Create<(string Tenant, string Conversation), string>(key =>
                RateLimitPartition.GetSlidingWindowLimiter(key.Tenant, _ => Window(50, TimeSpan.FromSeconds(1), 5))));
    }

    /// <summary>Takes a permit now or says how long to wait; for the outbox, which must not block on one conversation.</summary>
    public TimeSpan? TryAcquire(string tenant, string conversation)
    {
        using var lease = limiter.AttemptAcquire((tenant, conversation));
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
    }

    /// <summary>Waits for a permit (replies to a person who is waiting); false when the queue is full.</summary>
    public async Task<bool> AcquireAsync(string tenant, string conversation, CancellationToken cancellationToken)
    {
        using var lease = await limiter.AcquireAsync((tenant, conversation), 1, cancellationToken).ConfigureAwait(false);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();

    private static PartitionedRateLimiter<(string Tenant, string Conversation)> PerConversation(int permits, TimeSpan window, int segments) =>
        PartitionedRateLimiter.Create<(string Tenant, string Conversation), string>(key =>
            RateLimitPartition.GetSlidingWindowLimiter(key.Conversation, _ => Window(permits, window, segments)));

    private static SlidingWindowRateLimiterOptions Window(int permits, TimeSpan window, int segments) => new()
    {
        PermitLimit = permits,
        Window = window,
        SegmentsPerWindow = segments,
        QueueLimit = 50,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    };
}
