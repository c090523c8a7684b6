using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Core.Receiving;

/// <summary>Runs one platform's queued work with a few workers at once; one failure never stops the others.</summary>
internal sealed partial class WorkQueueWorker(WorkQueue queue, ILogger<WorkQueueWorker> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, queue.Workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in queue.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await work(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogWorkFailed(log, queue.Platform.ToString(), ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = LogEvents.WorkFailed, Level = LogLevel.Error, Message = "{Platform} background work failed")]
    private static partial void LogWorkFailed(ILogger logger, string platform, Exception exception);
}
