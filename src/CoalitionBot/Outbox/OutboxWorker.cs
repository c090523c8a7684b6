using CoalitionBot.Storage;
using CoalitionBot.Storage.Outbox;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Outbox;

/// <summary>The hosted loop around <see cref="OutboxProcessor"/>: send what is due, then wait until woken or the next poll.</summary>
public sealed partial class OutboxWorker(
    OutboxProcessor processor,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxWorker> logger) : BackgroundService
{
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

            await signal.WaitAsync(options.Value.PollInterval, clock, stoppingToken);
        }
    }

    [LoggerMessage(EventId = LogEvents.OutboxLoopFailed, Level = LogLevel.Error, Message = "The outbox worker failed; it will try again at its next poll")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
