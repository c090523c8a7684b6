using System.Diagnostics;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Core.Receiving;

/// <summary>
/// The receiver kit's way in for deliveries acknowledged before they are handled (Slack events, Teams messages,
/// e-mail): drop repeats, write the inbound journal before the ack, queue the handling, complete the journal entry
/// once handled. After a crash <see cref="JournalRecoveryService"/> queues again what was acked but never finished.
/// Without a journal (adapter tests) the journal steps do nothing. Traces: a receive activity (journal and queue),
/// then handle and reply activities as its children on the worker.
/// </summary>
public sealed partial class InboundIntake(
    RecentDeliveries recent,
    WorkQueues queues,
    ILogger<InboundIntake> log,
    IInboundJournal? journal = null,
    BotTelemetry? telemetry = null)
{
    /// <summary>Claims, journals and queues one delivery; <paramref name="payload"/> is what a replay after a crash needs.</summary>
    public async Task<IntakeOutcome> AcceptAsync(DeliveryKey key, TimeSpan remember, string payload, HandleDelivery handle, CancellationToken cancellationToken)
    {
        using var activity = telemetry?.Start("coalitionbot.inbound.receive", key.Platform, ActivityKind.Server)?.SetTag(TelemetryTags.DeliveryId, key.DeliveryId);
        if (!recent.TryClaim(key, remember))
        {
            activity?.SetTag(TelemetryTags.Outcome, "duplicate");
            return IntakeOutcome.Duplicate;
        }

        if (!await RecordAsync(key, payload, cancellationToken).ConfigureAwait(false) || !TryQueue(key, handle))
        {
            recent.Release(key); // the redelivery after our "busy" must be handled, not dropped as a repeat
            activity?.SetTag(TelemetryTags.Outcome, "busy");
            return IntakeOutcome.Busy;
        }

        activity?.SetTag(TelemetryTags.Outcome, "accepted");
        return IntakeOutcome.Accepted;
    }

    /// <summary>Queues a journaled delivery again (recovery); false when the queue is full.</summary>
    public bool TryQueue(DeliveryKey key, HandleDelivery handle)
    {
        var received = Activity.Current?.Context ?? default; // the worker's activities continue this trace
        return queues[key.Platform].TryEnqueue(ct => HandleAndCompleteAsync(key, handle, received, ct));
    }

    private async Task<bool> RecordAsync(DeliveryKey key, string payload, CancellationToken cancellationToken)
    {
        if (journal is null)
        {
            return true;
        }

        try
        {
            await journal.RecordAsync(key.Platform, key.DeliveryId, payload, cancellationToken).ConfigureAwait(false);
            Activity.Current?.AddEvent(new ActivityEvent("journaled"));
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Without a durable note we must not acknowledge: "busy" makes the platform deliver it again.
            LogJournalFailed(log, ex, key.Platform, key.DeliveryId);
            return false;
        }
    }

    private async Task HandleAndCompleteAsync(DeliveryKey key, HandleDelivery handle, ActivityContext received, CancellationToken cancellationToken)
    {
        Func<CancellationToken, Task>? then;
        using (var handling = telemetry?.Start("coalitionbot.inbound.handle", key.Platform, parent: received)?.SetTag(TelemetryTags.DeliveryId, key.DeliveryId))
        {
            try
            {
                then = await handle(cancellationToken).ConfigureAwait(false);
                if (journal is not null)
                {
                    await journal.CompleteAsync(key.Platform, key.DeliveryId, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The journal entry stays unfinished: recovery hands it over again later.
                handling?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
                LogHandlingFailed(log, ex, key.Platform, key.DeliveryId);
                return;
            }
        }

        if (then is not null)
        {
            using var reply = telemetry?.Start("coalitionbot.inbound.reply", key.Platform, parent: received)?.SetTag(TelemetryTags.DeliveryId, key.DeliveryId);
            await then(cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = LogEvents.JournalFailed, Level = LogLevel.Error, Message = "Could not record {Platform} delivery {DeliveryId} in the inbound journal; answering busy so it is delivered again")]
    private static partial void LogJournalFailed(ILogger logger, Exception exception, Platform platform, string deliveryId);

    [LoggerMessage(EventId = LogEvents.HandlingFailed, Level = LogLevel.Error, Message = "Handling {Platform} delivery {DeliveryId} failed; the inbound journal keeps it for recovery")]
    private static partial void LogHandlingFailed(ILogger logger, Exception exception, Platform platform, string deliveryId);
}
