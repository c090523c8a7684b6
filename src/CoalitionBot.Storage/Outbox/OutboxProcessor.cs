using CoalitionBot.Core.Cards;
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
    ILogger<OutboxProcessor> logger,
    CoalitionBot.Core.Telemetry.BotTelemetry? telemetry = null)
{
    private readonly Dictionary<Platform, IDeliveryChannel> _channels = channels.ToDictionary(c => c.Platform);

    /// <summary>Claims and sends one batch; returns how many deliveries it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        List<Delivery> batch;
        await using (var scope = scopes.CreateAsyncScope())
        {
            batch = await scope.ServiceProvider.GetRequiredService<DeliveryQueue>().ClaimAsync(clock.GetUtcNow(), options.Value.BatchSize, options.Value.Lease, ct);
            if (telemetry is not null)
            {
                // The queue depth gauge shows the last count; counted here, where the worker looks anyway.
                telemetry.OutboxDepth(await scope.ServiceProvider.GetRequiredService<CoalitionDbContext>().Deliveries.CountAsync(d => d.State == DeliveryState.Pending, ct));
            }
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
        using var activity = telemetry?.Start("coalitionbot.outbox.send", delivery.Platform, System.Diagnostics.ActivityKind.Producer)
            ?.SetTag(CoalitionBot.Core.Telemetry.TelemetryTags.DeliveryId, delivery.Id.ToString())
            .SetTag(CoalitionBot.Core.Telemetry.TelemetryTags.Purpose, delivery.Purpose.ToString());
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
            // A card update is rendered now, from the stored state, and waits until the card it replaces has been sent.
            var card = delivery.Purpose == DeliveryPurpose.CardUpdate
                ? await CardUpdates.PrepareAsync(scope.ServiceProvider.GetRequiredService<IDataSession>(), delivery, clock.GetUtcNow(), ct)
                : null;
            switch (card)
            {
                case CardUpdateDropped dropped:
                    await CancelAsync(db, delivery, dropped.Reason, ct);
                    return;
                case CardUpdatePostponed postponed:
                    await PostponeAsync(db, delivery, postponed.Until, ct);
                    return;
            }

            var ready = card as CardUpdateReady;
            var replaces = ready?.ReplacesPlatformMessageId;
            if (ready is null && delivery.ReplacesDeliveryId is { } earlier)
            {
                replaces = await db.Deliveries.Where(d => d.Id == earlier).Select(d => d.PlatformMessageId).FirstOrDefaultAsync(ct);
            }

            var message = new OutboundMessage(delivery.Id,
                new DeliveryTarget(identity.Platform, identity.TenantId, identity.UserId, delivery.ChannelId ?? identity.ConversationId, identity.Reference),
                ready?.Message ?? Deliveries.Read(delivery), replaces);
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

        // An update has no other route (the card is where it was posted), nor has a channel post (the coordinators are told).
        if (outcome is DeliveryRouteFailed closed && (delivery.Purpose == DeliveryPurpose.CardUpdate || delivery.ChannelId is not null))
        {
            outcome = new DeliveryFailed(closed.Reason, RecipientUnreachable: false);
        }

        var outcomeName = outcome switch { DeliverySent => "sent", DeliveryRetry => "retry", DeliveryRouteFailed => "route_failed", _ => "failed" };
        activity?.SetTag(CoalitionBot.Core.Telemetry.TelemetryTags.Outcome, outcomeName);
        telemetry?.Sent(delivery.Platform, outcomeName);

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
        var waitedForTurn = outcome is DeliveryRetry { NotSent: true };
        row.Attempts += waitedForTurn ? 0 : 1;
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
            case DeliveryRetry held when waitedForTurn:
                // Our budget said when its place frees: back exactly then, in its order (no jitter, no back-off).
                row.LastError = Trim(held.Reason);
                row.NotBefore = now + (held.After ?? TimeSpan.FromSeconds(1));
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

    /// <summary>Gives a claimed row back to wait until <paramref name="until"/>, without counting an attempt.</summary>
    private static async Task PostponeAsync(CoalitionDbContext db, Delivery claimed, DateTimeOffset until, CancellationToken ct)
    {
        var row = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == claimed.Id && d.ClaimToken == claimed.ClaimToken && d.State == DeliveryState.Pending, ct);
        if (row is not null)
        {
            row.NotBefore = until;
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
