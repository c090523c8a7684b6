using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Features;
using CoalitionBot.Core.Outbox;
using CoalitionBot.Core.Reach;
using CoalitionBot.Core.Reminders;
using CoalitionBot.Core.Data;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Storage.Outbox;

/// <summary>
/// Sends due deliveries once: claim a batch with a lease, send each through its platform's channel, and
/// record the outcome at once (so a crash can repeat at most the one message in flight). Passing failures
/// back off exponentially with jitter, honouring Retry-After; permanent ones stop, and the core's
/// <see cref="DeliveryOutcomeHandler"/> decides what follows (who is told, who is unreachable). Storage only claims and records rows.
/// </summary>
public sealed partial class OutboxProcessor(
    IServiceScopeFactory scopes,
    IEnumerable<IDeliveryChannel> channels,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxProcessor> logger)
{
    private readonly Dictionary<Platform, IDeliveryChannel> _channels = channels.ToDictionary(c => c.Platform);

    /// <summary>Claims and sends one batch; returns how many deliveries it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        List<Delivery> batch;
        await using (var scope = scopes.CreateAsyncScope())
        {
            batch = await scope.ServiceProvider.GetRequiredService<DeliveryQueue>().ClaimAsync(clock.GetUtcNow(), options.Value.BatchSize, options.Value.Lease, ct);
        }

        // Parallel across recipients, in order within one: two messages to the same person arrive as they were queued.
        var byRecipient = batch.GroupBy(d => d.IdentityId).Select(g => g.OrderBy(d => d.NotBefore).ThenBy(d => d.CreatedAt).ToList()).ToList();
        await Parallel.ForEachAsync(byRecipient, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = ct }, async (deliveries, token) =>
        {
            foreach (var delivery in deliveries)
            {
                await SendOneAsync(delivery, token);
            }
        });
        return batch.Count;
    }

    /// <summary>Runs batches until nothing is due (tests and the worker use it).</summary>
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        var total = 0;
        int handled;
        while ((handled = await RunOnceAsync(ct)) > 0)
        {
            total += handled;
        }

        return total;
    }

    private async ValueTask SendOneAsync(Delivery delivery, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        var identity = await db.Identities.FirstOrDefaultAsync(i => i.Id == delivery.IdentityId, ct);
        DeliveryOutcome outcome;
        if (identity is null)
        {
            outcome = new DeliveryFailed("The recipient's chat identity was removed.", RecipientUnreachable: false);
        }
        else if (!_channels.TryGetValue(delivery.Platform, out var channel))
        {
            outcome = new DeliveryRetry($"{delivery.Platform} is not configured on this instance.", TimeSpan.FromMinutes(5));
        }
        else if (!await scope.ServiceProvider.GetRequiredService<DeliveryQueue>().RenewAsync(delivery.Id, delivery.ClaimToken, clock.GetUtcNow(), options.Value.Lease, ct))
        {
            return; // this batch outlived its lease: another worker may have the row now, so never send it from here
        }
        else if (await ReminderRelevance.WhyNotWantedAsync(scope.ServiceProvider.GetRequiredService<IDataSession>(), delivery, ct) is { } unwanted)
        {
            await CancelAsync(db, delivery, unwanted, ct); // answered or closed while the reminder was being claimed
            return;
        }
        else
        {
            string? replaces = null;
            if (delivery.ReplacesDeliveryId is { } earlier)
            {
                replaces = await db.Deliveries.Where(d => d.Id == earlier).Select(d => d.PlatformMessageId).FirstOrDefaultAsync(ct);
            }

            var message = new OutboundMessage(delivery.Id,
                new DeliveryTarget(identity.Platform, identity.TenantId, identity.UserId, delivery.ChannelId ?? identity.ConversationId, identity.Reference),
                Deliveries.Read(delivery), replaces);
            try
            {
                outcome = await channel.SendAsync(message, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogSendThrew(logger, e, delivery.Id, delivery.Platform);
                outcome = new DeliveryRetry("The platform client failed: " + e.GetType().Name);
            }
        }

        if (outcome is DeliveryRouteFailed closed && delivery.ChannelId is not null)
        {
            outcome = new DeliveryFailed(closed.Reason, RecipientUnreachable: false); // no other route to a channel: the coordinators are told
        }

        if (outcome is DeliveryRouteFailed routeFailed)
        {
            await scope.ServiceProvider.GetRequiredService<RouteFallback>().FallAsync(delivery.Id, delivery.ClaimToken, routeFailed.Reason, ct);
            return;
        }

        await RecordAsync(scope.ServiceProvider, delivery.Id, delivery.ClaimToken, identity, outcome, ct);
    }

    /// <summary>
    /// Records the outcome on the row it claimed. A failure for good is marked here and its consequences are decided
    /// by the core's <see cref="DeliveryOutcomeHandler"/>, saved in the same transaction. When that save conflicts on a
    /// delivery key, the consequences are stored already (another recording won), so the row is recorded alone.
    /// </summary>
    private async Task RecordAsync(IServiceProvider services, Guid id, Guid? token, ContactIdentity? identity, DeliveryOutcome outcome, CancellationToken ct, bool withConsequences = true)
    {
        var db = services.GetRequiredService<CoalitionDbContext>();
        var row = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == id && d.ClaimToken == token && d.State == DeliveryState.Pending, ct);
        if (row is null)
        {
            return; // the lease ran out and another worker took it over
        }

        var now = clock.GetUtcNow();
        row.Attempts++;
        row.LeaseUntil = null;
        row.ClaimToken = null;
        switch (outcome)
        {
            case DeliverySent sent:
                row.State = DeliveryState.Sent;
                row.SentAt = now;
                row.PlatformMessageId = sent.PlatformMessageId;
                row.LastError = null;
                // A card posted in a channel is not the coordinator's DM: their direct conversation stays as it was.
                if (identity is not null && row.ChannelId is null && sent.ConversationId is { } conversation && identity.ConversationId != conversation)
                {
                    identity.ConversationId = conversation;
                }

                break;
            case DeliveryRetry retry when row.Attempts < options.Value.MaxAttempts:
                row.LastError = Trim(retry.Reason);
                row.NotBefore = now + Backoff(row.Attempts, retry.After);
                break;
            default:
                row.State = DeliveryState.Failed;
                row.LastError = Trim(outcome switch
                {
                    DeliveryRetry retry => $"gave up after {row.Attempts} attempts: {retry.Reason}",
                    DeliveryFailed failed => failed.Reason,
                    DeliveryRouteFailed routeFailed => routeFailed.Reason,
                    _ => outcome.GetType().Name,
                });
                LogDeliveryFailed(logger, row.Id, row.Platform, row.LastError);
                if (withConsequences)
                {
                    await services.GetRequiredService<DeliveryOutcomeHandler>().FailedAsync(row, outcome, ct);
                }

                break;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (withConsequences && UniqueViolations.TableOf(e) == "Deliveries")
        {
            db.ChangeTracker.Clear();
            await RecordAsync(services, id, token, identity is null ? null : await db.Identities.FirstOrDefaultAsync(i => i.Id == identity.Id, ct), outcome, ct, withConsequences: false);
        }
    }

    private static async Task CancelAsync(CoalitionDbContext db, Delivery claimed, string reason, CancellationToken ct)
    {
        var row = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == claimed.Id && d.ClaimToken == claimed.ClaimToken && d.State == DeliveryState.Pending, ct);
        if (row is not null)
        {
            row.State = DeliveryState.Cancelled;
            row.LastError = reason;
            row.LeaseUntil = null;
            row.ClaimToken = null;
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Exponential back-off (2 s, 4 s, 8 s … capped at 10 min) with ±20 % jitter, and never sooner than Retry-After.</summary>
    public static TimeSpan Backoff(int attempts, TimeSpan? retryAfter)
    {
        var seconds = Math.Min(600, Math.Pow(2, Math.Min(attempts, 10)));
        var jittered = CoalitionBot.Core.Receiving.Jitter.Spread(TimeSpan.FromSeconds(seconds));
        return retryAfter is { } after && after > jittered ? after : jittered;
    }

    private static string Trim(string text) => text.Length <= 900 ? text : text[..900];

    [LoggerMessage(EventId = LogEvents.SendThrew, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} to {Platform} threw")]
    private static partial void LogSendThrew(ILogger logger, Exception exception, Guid deliveryId, Platform platform);

    [LoggerMessage(EventId = LogEvents.DeliveryFailed, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} to {Platform} failed for good: {Reason}")]
    private static partial void LogDeliveryFailed(ILogger logger, Guid deliveryId, Platform platform, string reason);
}
