using Microsoft.Extensions.Hosting;

namespace CoalitionBot.Teams.Hosting;

/// <summary>Every minute (and once at start), queues again the Teams messages acknowledged but never handled.</summary>
internal sealed class TeamsJournalRecoveryService(TeamsJournal journal, InboundQueue queue, TimeProvider time) : BackgroundService
{
    /// <summary>Queues the unfinished messages; returns how many.</summary>
    public async Task<int> RecoverAsync(CancellationToken ct)
    {
        var queued = 0;
        foreach (var item in await journal.UnfinishedAsync(ct).ConfigureAwait(false))
        {
            queued += queue.TryEnqueue(item) ? 1 : 0;
        }

        return queued;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        do
        {
            try
            {
                await RecoverAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be down for a moment; the next tick tries again.
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
