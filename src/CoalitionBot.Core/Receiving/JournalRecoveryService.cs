using CoalitionBot.Core.Conversation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Core.Receiving;

/// <summary>
/// Once at start and then every Receiving:RecoveryInterval (a minute), queues again the deliveries of every platform with
/// an <see cref="IJournalReplay"/> that were acknowledged at least Receiving:RecoverAfter ago (five minutes) but never
/// finished (the process died while handling them).
/// </summary>
public sealed partial class JournalRecoveryService(
    IEnumerable<IJournalReplay> replays,
    InboundIntake intake,
    TimeProvider time,
    ILogger<JournalRecoveryService> log,
    IInboundJournal? journal = null,
    IOptions<JournalRecoveryOptions>? options = null) : BackgroundService
{
    private readonly JournalRecoveryOptions settings = options?.Value ?? new JournalRecoveryOptions();

    /// <summary>Queues the unfinished deliveries of every platform; returns how many.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        if (journal is null)
        {
            return 0;
        }

        var queued = 0;
        foreach (var replay in replays)
        {
            var entries = await journal.TakeUnfinishedAsync(replay.Platform, time.GetUtcNow() - settings.RecoverAfter, 200, cancellationToken).ConfigureAwait(false);
            foreach (var entry in entries)
            {
                if (replay.Replay(entry) is { } handle && intake.TryQueue(new DeliveryKey(replay.Platform, entry.Key), handle))
                {
                    queued++;
                }
            }
        }

        return queued;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.RecoveryInterval, time);
        do
        {
            try
            {
                await RecoverAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be down for a moment; the next tick tries again.
                LogRecoveryFailed(log, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = LogEvents.RecoveryFailed, Level = LogLevel.Warning, Message = "Inbound journal recovery failed this round: {Reason}")]
    private static partial void LogRecoveryFailed(ILogger logger, string reason);
}
