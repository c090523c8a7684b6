using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Teams.Hosting;

/// <summary>Says loudly at start when the Teams adapter runs without request authentication (Development only).</summary>
internal sealed partial class TeamsAnonymousWarning(IOptions<TeamsOptions> options, ILogger<TeamsAnonymousWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Anonymous)
        {
            LogAnonymous(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = LogEvents.Anonymous, Level = LogLevel.Critical, Message = "Teams adapter is running WITHOUT request authentication (no Teams:AppId, Development environment). Anyone who can reach /api/messages can act as any user. Never run like this in production.")]
    private static partial void LogAnonymous(ILogger logger);
}
