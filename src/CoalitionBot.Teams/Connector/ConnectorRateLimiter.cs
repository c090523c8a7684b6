using System.Threading.RateLimiting;
using CoalitionBot.Core.Outbox.Budget;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Teams.Connector;

/// <summary>
/// Teams' documented write limits, enforced before we send so we rarely see a 429: per conversation 7/1 s,
/// 8/2 s, 60/30 s and 1,800/1 h, and about 50 requests per second per tenant. The tenant's budget is taken only
/// from <see cref="ISendBudget"/> (<see cref="ReserveTenantAsync"/>) — the database's when there is one, so several
/// instances share it instead of each sending 50 a second; its refusal says exactly when the next place opens, so
/// the tenant has no in-process window here (System.Threading.RateLimiting's sliding window refuses without a retry time).
/// </summary>
internal sealed class ConnectorRateLimiter : IDisposable
{
    /// <summary>Teams' documented per-tenant budget for a bot.</summary>
    public const int TenantPerSecond = 50;

    private readonly PartitionedRateLimiter<(string Tenant, string Conversation)> limiter;
    private readonly ISendBudget shared;
    private readonly TimeProvider time;
    private readonly TimeSpan longestWait;

    public ConnectorRateLimiter(ISendBudget? budget = null, TimeProvider? time = null, IOptions<SendBudgetOptions>? budgetOptions = null)
    {
        this.time = time ?? TimeProvider.System;
        shared = budget ?? new LocalSendBudget(this.time);
        longestWait = (budgetOptions?.Value ?? new SendBudgetOptions()).LongestWait;
        limiter = PartitionedRateLimiter.CreateChained(
            PerConversation(7, TimeSpan.FromSeconds(1), 5),
            PerConversation(8, TimeSpan.FromSeconds(2), 4),
            PerConversation(60, TimeSpan.FromSeconds(30), 10),
            PerConversation(1800, TimeSpan.FromHours(1), 12));
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

    /// <summary>
    /// A place in the tenant's shared budget, waited for when <paramref name="wait"/> (up to SendBudget:LongestWait);
    /// refused (with when to try again) when it is further away, or at once for the outbox.
    /// </summary>
    public async Task<SendReservation> ReserveTenantAsync(string tenant, bool wait, CancellationToken cancellationToken)
    {
        var key = new SendBudgetKey("teams:" + tenant, TenantPerSecond, TimeSpan.FromSeconds(1));
        var reservation = await shared.ReserveAsync(key, wait ? longestWait : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        if (reservation.Granted)
        {
            await SendWindow.UntilAsync(reservation.At, time, cancellationToken).ConfigureAwait(false);
        }

        return reservation;
    }

    /// <summary>The write holding <paramref name="reservation"/> was answered: its place counts from now.</summary>
    public ValueTask AnsweredAsync(SendReservation reservation, CancellationToken cancellationToken) => shared.AnsweredAsync(reservation, cancellationToken);

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
