using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using CoalitionBot.Core.Outbox.Budget;
using CoalitionBot.Slack.Installations;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack.Api;

/// <summary>
/// Client-side pacing per Web API method (Slack's tiers, PROTOCOLS.md) and, for chat.postMessage, per channel
/// (~1/s with short bursts). Also remembers a 429's Retry-After so we do not knock again before it ends.
/// The methods the outbox sends with (<see cref="Shared"/>) take their workspace budget from <see cref="ISendBudget"/>
/// — the database's when there is one, so several instances share Slack's budget instead of each using all of it.
/// </summary>
public sealed class SlackRateLimiter(TimeProvider time, IOptions<SlackOptions>? options = null, ISendBudget? budget = null, IOptions<SendBudgetOptions>? budgetOptions = null) : IDisposable
{
    /// <summary>Methods whose per-workspace budget is shared by every instance.</summary>
    public static readonly IReadOnlySet<string> Shared = new HashSet<string>(StringComparer.Ordinal) { "chat.postMessage", "chat.update" };

    private static readonly Dictionary<string, int> PerMinute = new(StringComparer.Ordinal)
    {
        ["chat.update"] = 50,
        ["chat.postEphemeral"] = 100,
        ["views.open"] = 100,
        ["views.update"] = 100,
        ["views.push"] = 100,
        ["views.publish"] = 100,
        ["conversations.open"] = 50,
        ["conversations.list"] = 20,
        ["users.info"] = 100,
        ["users.lookupByEmail"] = 50,
        ["auth.test"] = 50,
        ["files.getUploadURLExternal"] = 100,
        ["files.completeUploadExternal"] = 100,
        ["apps.connections.open"] = 20,
        ["chat.postMessage"] = 300,
    };

    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> limiters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> blockedUntil = new(StringComparer.Ordinal);
    private readonly ISendBudget shared = budget ?? new LocalSendBudget(time);

    /// <summary>
    /// Waits for a permit for the method (and the channel for chat.postMessage), or throws when a 429 window is still
    /// open or the shared budget has no place soon enough. Returns the shared budget's reservation, for <see cref="AnsweredAsync"/>.
    /// </summary>
    public async ValueTask<SendReservation?> AcquireAsync(string method, string? channel, CancellationToken cancellationToken)
    {
        ThrowIfBlocked(method, method);
        var keys = method == "chat.postMessage" && channel is not null ? new[] { method, method + ":" + channel } : [method];
        if (keys.Length > 1)
        {
            ThrowIfBlocked(method, keys[1]);
        }

        foreach (var key in keys.Where(k => k != method || !Shared.Contains(method)))
        {
            using var lease = await LimiterFor(key).AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            if (!lease.IsAcquired)
            {
                throw new SlackRateLimitedException(method, TimeSpan.FromSeconds(1)) { NotSent = true };
            }
        }

        return Shared.Contains(method) ? await ReserveSharedAsync(method, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>The call holding <paramref name="reservation"/> was answered: its place in the window counts from now.</summary>
    public ValueTask AnsweredAsync(SendReservation? reservation, CancellationToken cancellationToken) =>
        reservation is null ? ValueTask.CompletedTask : shared.AnsweredAsync(reservation, cancellationToken);

    /// <summary>
    /// Records Slack's Retry-After. A 429 does not say whether the channel or the workspace budget ran out,
    /// so the whole method waits (Slack: pause calls to that method until Retry-After has passed).
    /// </summary>
    public void Block(string method, string? channel, TimeSpan retryAfter) =>
        blockedUntil[method] = time.GetUtcNow() + retryAfter;

    public void Dispose()
    {
        foreach (var limiter in limiters.Values)
        {
            limiter.Dispose();
        }
    }

    private async ValueTask<SendReservation> ReserveSharedAsync(string method, CancellationToken cancellationToken)
    {
        // Slack counts per workspace: the team of a distributed install, else the one the bot token belongs to.
        var key = new SendBudgetKey($"slack:{SlackTeamScope.TeamId ?? "bot"}:{method}", PerMinute[method], TimeSpan.FromMinutes(1));
        var longestWait = budgetOptions?.Value.LongestWait ?? new SendBudgetOptions().LongestWait;
        var reservation = await shared.ReserveAsync(key, longestWait, cancellationToken).ConfigureAwait(false);
        if (reservation.RefusedFor is { } refused)
        {
            throw new SlackRateLimitedException(method, refused) { NotSent = true };
        }

        await SendWindow.UntilAsync(reservation.At, time, cancellationToken).ConfigureAwait(false);
        return reservation;
    }

    private void ThrowIfBlocked(string method, string key)
    {
        if (blockedUntil.TryGetValue(key, out var until))
        {
            var left = until - time.GetUtcNow();
            if (left > TimeSpan.Zero)
            {
                throw new SlackRateLimitedException(method, left) { NotSent = true };
            }

            blockedUntil.TryRemove(key, out _);
        }
    }

    private TokenBucketRateLimiter LimiterFor(string key) => limiters.GetOrAdd(key, k =>
    {
        var perChannel = k.StartsWith("chat.postMessage:", StringComparison.Ordinal);
        var perMinute = perChannel ? 60
            : k == "users.lookupByEmail" && options is not null ? options.Value.LookupsPerMinute
            : PerMinute.GetValueOrDefault(k, 20);
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perChannel ? 4 : Math.Max(1, perMinute / 5),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
            QueueLimit = 1000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    });
}
