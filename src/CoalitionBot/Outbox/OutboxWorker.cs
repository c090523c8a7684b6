using CoalitionBot.Storage;
using CoalitionBot.Storage.Outbox;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Outbox;

/// <summary>The hosted loop around <see cref="OutboxProcessor"/>: send what is due, then wait until woken or the next poll.</summary>
public sealed partial class OutboxWorker(
    OutboxProcessor processor,
    OutboxSignal signal,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await processor.DrainAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogLoopFailed(logger, e);
            }

            await signal.WaitAsync(await UntilNextDueAsync(stoppingToken), clock, stoppingToken);
        }
    }

    /// <summary>
    /// The poll interval, or less when a delivery comes due sooner — one the rate budget rescheduled for the moment its
    /// place frees, say — so the circulation goes on then, not up to a poll later.
    /// </summary>
    private async Task<TimeSpan> UntilNextDueAsync(CancellationToken stoppingToken)
    {
        var poll = options.Value.PollInterval;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var now = clock.GetUtcNow();
            if (await scope.ServiceProvider.GetRequiredService<DeliveryQueue>().NextDueAsync(now, stoppingToken) is not { } due)
            {
                return poll;
            }

            // Never a busy loop: a row due now that the drain did not take waits a moment.
            var until = due - now;
            return until < MinimumWait ? MinimumWait : until < poll ? until : poll;
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogLoopFailed(logger, e);
            return poll;
        }
    }

    [LoggerMessage(EventId = LogEvents.OutboxLoopFailed, Level = LogLevel.Error, Message = "The outbox worker failed; it will try again at its next poll")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
