using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack.Hosting;

/// <summary>
/// "slack" for /readyz: unhealthy after an unrecoverable Slack error, degraded while Socket Mode reconnects,
/// healthy otherwise. It makes no network call, so a Slack outage never blocks the probe.
/// </summary>
internal sealed class SlackHealthCheck(SlackHealth health, IOptionsMonitor<SlackOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["mode"] = options.CurrentValue.SocketMode ? "socket" : "http",
            ["socket"] = health.SocketState,
        };
        if (health.FatalError is { } fatal)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"Slack refused our credentials: {fatal}. Check Slack:BotToken / Slack:AppToken.", data: data));
        }

        if (options.CurrentValue.SocketMode && !health.SocketConnected)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"Socket Mode not connected ({health.SocketState}).", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy(data: data));
    }
}
