using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Teams.Rosters;

/// <summary>Reads rosters that membership events asked for, after the event was acknowledged.</summary>
internal sealed partial class TeamsRosterWorker(TeamsRosters rosters, ILogger<TeamsRosterWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var placeId in rosters.RequestedAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await rosters.ReadAsync(placeId, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The next search by e-mail reads it again: the roster is still marked changed.
                    LogFailed(logger, ex, placeId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = LogEvents.RosterReadFailed, Level = LogLevel.Error, Message = "Reading the roster of Teams place {PlaceId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string placeId);
}
