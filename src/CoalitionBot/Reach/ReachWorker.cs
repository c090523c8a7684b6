using CoalitionBot.Core.Reach;

namespace CoalitionBot.Reach;

/// <summary>The hosted loop around <see cref="ReachSweep"/>: looks up new contacts when woken by an import or link, and every few minutes.</summary>
public sealed partial class ReachWorker(IServiceScopeFactory scopes, ReachSignal signal, ILogger<ReachWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var looked = await scope.ServiceProvider.GetRequiredService<ReachSweep>().RunAsync(stoppingToken);
                if (looked > 0)
                {
                    LogSwept(logger, looked);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, e);
            }

            await signal.WaitAsync(Interval, stoppingToken);
        }
    }

    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Reach look-up: {Count} contact(s) looked up on Slack and Teams by e-mail")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Error, Message = "The reach look-up failed; it tries again when contacts are added or at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
