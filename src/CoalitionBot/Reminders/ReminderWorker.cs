using CoalitionBot.Core.Reminders;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Reminders;

/// <summary>The hosted loop around <see cref="ReminderSweep"/>: one sweep per interval on the injected clock.</summary>
public sealed partial class ReminderWorker(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<ReminderOptions> options,
    ILogger<ReminderWorker> logger,
    Core.Telemetry.BotTelemetry? telemetry = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var started = clock.GetTimestamp();
                var result = await scope.ServiceProvider.GetRequiredService<ReminderSweep>().RunAsync(stoppingToken);
                telemetry?.Swept(clock.GetElapsedTime(started));
                if (result.Closed + result.Queued > 0)
                {
                    LogSwept(logger, result.Closed, result.Queued);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = LogEvents.RemindersSwept, Level = LogLevel.Information, Message = "Reminder sweep: {Closed} memo(s) closed at their deadline, {Queued} message(s) queued")]
    private static partial void LogSwept(ILogger logger, int closed, int queued);

    [LoggerMessage(EventId = LogEvents.ReminderSweepFailed, Level = LogLevel.Error, Message = "The reminder sweep failed; it tries again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
