using Microsoft.Extensions.Hosting;

namespace CoalitionBot.Slack.Receiving;

/// <summary>Every minute (and once at start), re-queues Slack events that were acknowledged but never finished.</summary>
internal sealed class SlackJournalRecoveryService(SlackEventProcessor events, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        do
        {
            try
            {
                await events.RecoverAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be down for a moment; the next tick tries again.
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
