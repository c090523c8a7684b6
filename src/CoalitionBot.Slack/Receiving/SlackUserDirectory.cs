using System.Collections.Concurrent;
using CoalitionBot.Slack.Api;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Slack.Receiving;

/// <summary>
/// Caches users.info (e-mail and time zone for the core's contact matching). Inside the 3-second window we
/// only read the cache and fill it in the background; after the ack we may wait for Slack.
/// </summary>
internal sealed partial class SlackUserDirectory(SlackApiClient api, TimeProvider time, ILogger<SlackUserDirectory> log)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, (SlackUser? User, DateTimeOffset Expires)> cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<SlackUser?>> inFlight = new(StringComparer.Ordinal);

    public SlackUser? Cached(string userId)
    {
        if (cache.TryGetValue(userId, out var entry) && entry.Expires > time.GetUtcNow())
        {
            return entry.User;
        }

        _ = FetchAsync(userId, CancellationToken.None);
        return null;
    }

    public async Task<SlackUser?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(userId, out var entry) && entry.Expires > time.GetUtcNow())
        {
            return entry.User;
        }

        return await FetchAsync(userId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One users.info call per person at a time: a first message both prefetches and asks for the e-mail.</summary>
    private Task<SlackUser?> FetchAsync(string userId, CancellationToken cancellationToken)
    {
        // The shared call is not tied to one caller's budget; each caller waits only as long as its own token allows.
        var fetch = inFlight.GetOrAdd(userId, id => FetchOnceAsync(id, CancellationToken.None));
        _ = fetch.ContinueWith(_ => inFlight.TryRemove(new KeyValuePair<string, Task<SlackUser?>>(userId, fetch)), TaskScheduler.Default);
        return fetch.WaitAsync(cancellationToken);
    }

    private async Task<SlackUser?> FetchOnceAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            var user = await api.GetUserAsync(userId, cancellationToken).ConfigureAwait(false);
            cache[userId] = (user, time.GetUtcNow() + Lifetime);
            return user;
        }
        catch (Exception ex) when (ex is SlackApiException or SlackTransientException or InvalidOperationException)
        {
            // Knowing the e-mail is a nicety: never fail an inbound item over it, and do not ask again at once.
            cache[userId] = (null, time.GetUtcNow() + TimeSpan.FromMinutes(5));
            LogLookupFailed(log, userId, ex.Message);
            return null;
        }
    }

    [LoggerMessage(EventId = LogEvents.UserLookupFailed, Level = LogLevel.Information, Message = "users.info for {UserId} failed: {Reason}")]
    private static partial void LogLookupFailed(ILogger logger, string userId, string reason);
}
