using CoalitionBot.Core.Receiving;
using CoalitionBot.Slack.Api;
using CoalitionBot.Slack.Hosting;
using CoalitionBot.Slack.Receiving;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack.SocketMode;

/// <summary>
/// Keeps one Socket Mode connection alive (when Slack:AppToken is set). On a disconnect warning or
/// refresh_requested it opens the new socket before closing the old; on a drop or a silent socket it
/// reconnects with backoff; on invalid_auth, not_authed, account_inactive or link_disabled it stops and says so.
/// </summary>
internal sealed partial class SlackSocketModeService(
    SlackApiClient api,
    SlackInboundProcessor processor,
    SlackHealth health,
    IOptionsMonitor<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackSocketModeService> log) : BackgroundService
{
    private static readonly HashSet<string> Unrecoverable = new(StringComparer.Ordinal)
    {
        "invalid_auth", "not_authed", "account_inactive", "link_disabled", "token_revoked", "not_allowed_token_type",
    };

    private static readonly TimeSpan StableConnection = TimeSpan.FromSeconds(30);

    /// <summary>How long a replaced connection stays open for the acks of envelopes it is still handling (Slack's ack deadline).</summary>
    private static readonly TimeSpan RetireGrace = SlackAck.Deadline.Within;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.SocketMode)
        {
            health.Disconnected("off (HTTP mode)");
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset? connectedAt = null;
            var wait = TimeSpan.Zero;
            try
            {
                var ended = await RunConnectionsAsync(stoppingToken, () => connectedAt = time.GetUtcNow()).ConfigureAwait(false);
                if (ended is { } fatal)
                {
                    Stop(fatal);
                    return;
                }
            }
            catch (SlackApiException error) when (Unrecoverable.Contains(error.Error))
            {
                Stop(error.Error);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (SlackRateLimitedException limited)
            {
                wait = limited.RetryAfter;
            }
            catch (Exception ex)
            {
                LogConnectFailed(log, ex.Message);
            }

            // Only a connection that lived a while earns a fresh start; one that dies at once keeps backing off.
            if (connectedAt is { } since && time.GetUtcNow() - since > StableConnection)
            {
                failures = 0;
            }

            health.Disconnected("reconnecting");
            var delay = Backoff(failures++);
            delay = delay > wait ? delay : wait;
            LogReconnecting(log, delay.TotalSeconds);
            try
            {
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Runs connections until one ends unasked (null: reconnect) or Slack disables the link (its reason).</summary>
    private async Task<string?> RunConnectionsAsync(CancellationToken stoppingToken, Action connected)
    {
        var current = await OpenAsync(stoppingToken).ConfigureAwait(false);
        connected();
        try
        {
            while (true)
            {
                await Task.WhenAny(current.DisconnectRequested, current.Closed, Task.Delay(Timeout.Infinite, stoppingToken)).ConfigureAwait(false);
                stoppingToken.ThrowIfCancellationRequested();
                var reason = current.DisconnectRequested.IsCompleted ? current.DisconnectRequested.Result : "closed";
                if (reason == "link_disabled")
                {
                    return reason;
                }

                if (reason is "warning" or "refresh_requested")
                {
                    // Open the replacement first so no envelope finds us without a socket, then retire the old one
                    // once what it is still handling is acked (at most 3 s).
                    var next = await OpenAsync(stoppingToken).ConfigureAwait(false);
                    var old = current;
                    current = next;
                    _ = RetireAsync(old);
                    continue;
                }

                return null;
            }
        }
        finally
        {
            await current.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<SocketModeConnection> OpenAsync(CancellationToken stoppingToken)
    {
        health.Disconnected("connecting");
        var url = await api.OpenSocketUrlAsync(stoppingToken).ConfigureAwait(false);
        var connection = new SocketModeConnection(processor, options.CurrentValue.SocketKeepAlive, log);
        try
        {
            await connection.ConnectAsync(url, TimeSpan.FromSeconds(10), time, stoppingToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        health.Connected();
        LogConnected(log, connection.Id);
        return connection;
    }

    private async Task RetireAsync(SocketModeConnection old)
    {
        await old.RetireAsync(RetireGrace, time).ConfigureAwait(false);
        await old.DisposeAsync().ConfigureAwait(false);
    }

    private void Stop(string error)
    {
        health.Fatal(error);
        LogUnrecoverable(log, error);
    }

    /// <summary>First retry at once (a dropped socket is usually just that), then 1, 2, 4 … 60 s with ±20 % jitter.</summary>
    private static TimeSpan Backoff(int failures)
    {
        if (failures == 0)
        {
            return TimeSpan.Zero;
        }

        return Jitter.Spread(TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, failures - 1))));
    }

    [LoggerMessage(EventId = LogEvents.SocketConnected, Level = LogLevel.Information, Message = "Socket Mode connection {Id} is open")]
    private static partial void LogConnected(ILogger logger, int id);

    [LoggerMessage(EventId = LogEvents.SocketConnectFailed, Level = LogLevel.Warning, Message = "Socket Mode connection failed: {Reason}")]
    private static partial void LogConnectFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = LogEvents.SocketReconnecting, Level = LogLevel.Information, Message = "Socket Mode reconnecting in {Seconds:0.#} s")]
    private static partial void LogReconnecting(ILogger logger, double seconds);

    [LoggerMessage(EventId = LogEvents.SocketStopped, Level = LogLevel.Critical, Message = "Slack Socket Mode stopped for good: {Error}. Check Slack:AppToken (xapp-, scope connections:write) and that Socket Mode is enabled for the app; restart after fixing.")]
    private static partial void LogUnrecoverable(ILogger logger, string error);
}
