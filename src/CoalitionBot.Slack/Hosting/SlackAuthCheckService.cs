using CoalitionBot.Slack.Api;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack.Hosting;

/// <summary>
/// Checks the bot token once at start (auth.test) without holding up the host: a revoked or mistyped token shows
/// in the "slack" health check at once instead of at the first failed delivery. Slack being unreachable is not fatal.
/// </summary>
internal sealed partial class SlackAuthCheckService(
    SlackApiClient api, SlackHealth health, IOptions<SlackOptions> options, ILogger<SlackAuthCheckService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Distributed)
        {
            return; // no single token to check: each workspace's token is checked by its install
        }

        try
        {
            var (team, user, _) = await api.AuthTestAsync(stoppingToken).ConfigureAwait(false);
            LogIdentity(log, team, user);
        }
        catch (SlackApiException error) when (error.IsAuthFailure)
        {
            health.Fatal(error.Error);
            LogRefused(log, error.Error);
        }
        catch (Exception ex) when (ex is SlackApiException or SlackTransientException)
        {
            LogUnreachable(log, ex.Message);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = LogEvents.AuthCheckIdentity, Level = LogLevel.Information, Message = "Slack bot token works: workspace {TeamId}, bot user {UserId}")]
    private static partial void LogIdentity(ILogger logger, string teamId, string userId);

    [LoggerMessage(EventId = LogEvents.AuthCheckRefused, Level = LogLevel.Critical, Message = "Slack refused the bot token ({Error}). Copy Slack:BotToken (xoxb-) again from the app's Install App page and restart.")]
    private static partial void LogRefused(ILogger logger, string error);

    [LoggerMessage(EventId = LogEvents.AuthCheckUnreachable, Level = LogLevel.Warning, Message = "Could not check the Slack bot token at start: {Reason}. Will keep going.")]
    private static partial void LogUnreachable(ILogger logger, string reason);
}
