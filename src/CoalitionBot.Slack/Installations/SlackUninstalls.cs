using CoalitionBot.Storage.Installations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack.Installations;

/// <summary>app_uninstalled and tokens_revoked: the workspace's tokens are dead, so its installation is deactivated and forgotten.</summary>
internal sealed partial class SlackUninstalls(
    IOptionsMonitor<SlackOptions> options,
    IServiceScopeFactory scopes,
    SlackTokenSource tokens,
    TimeProvider clock,
    ILogger<SlackUninstalls> log)
{
    public async Task DeactivateAsync(string teamId, string reason, CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.Distributed)
        {
            return; // the single-token configuration has no installation rows; its health check reports a dead token
        }

        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SlackInstallationStore>().DeactivateAsync(teamId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        tokens.Forget(teamId);
        LogDeactivated(log, teamId, reason);
    }

    [LoggerMessage(EventId = LogEvents.InstallationDeactivated, Level = LogLevel.Information, Message = "Slack installation of workspace {TeamId} deactivated ({Reason})")]
    private static partial void LogDeactivated(ILogger logger, string teamId, string reason);
}
