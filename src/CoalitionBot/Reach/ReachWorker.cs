using CoalitionBot.Core.Reach;

namespace CoalitionBot.Reach;

/// <summary>
/// The hosted loop around <see cref="ReachSweep"/>: looks up new contacts when woken by an import or link, when a
/// deferred look-up (Slack's Retry-After) is due, and every few minutes.
/// </summary>
public sealed partial class ReachWorker(IServiceScopeFactory scopes, ReachSignal signal, TimeProvider clock, ILogger<ReachWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = Interval;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sweep = scope.ServiceProvider.GetRequiredService<ReachSweep>();
                var looked = await sweep.RunAsync(stoppingToken);
                if (looked > 0)
                {
                    LogSwept(logger, looked);
                }

                if (await sweep.NextRetryAsync(stoppingToken) is { } next)
                {
                    wait = TimeSpan.FromTicks(Math.Clamp((next - clock.GetUtcNow()).Ticks, TimeSpan.TicksPerSecond, Interval.Ticks));
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, e);
            }

            await signal.WaitAsync(wait, stoppingToken);
        }
    }

    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Reach look-up: {Count} contact(s) looked up on Slack and Teams by e-mail")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Error, Message = "The reach look-up failed; it tries again when contacts are added or at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
