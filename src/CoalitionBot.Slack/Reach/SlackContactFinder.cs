using System.Collections.Concurrent;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Reach;
using CoalitionBot.Slack.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack.Reach;

/// <summary>
/// Finds a directory contact in the workspace by e-mail (users.lookupByEmail, scope users:read.email, Tier 3 and
/// paced by <see cref="SlackRateLimiter"/>). Hits and <c>users_not_found</c> misses are cached for a while; a
/// deactivated user or a bot is a miss. Guests and Slack Connect members the workspace can see count.
/// A rate limit or a network failure is not an answer and not cached: the look-up is deferred
/// (<see cref="ContactLookupDeferredException"/>) and asked again after Retry-After.
/// </summary>
internal sealed partial class SlackContactFinder(SlackApiClient api, TimeProvider time, IOptionsMonitor<SlackOptions> options, ILogger<SlackContactFinder> log) : IContactFinder
{
    private readonly ConcurrentDictionary<string, (FoundIdentity? Found, DateTimeOffset Expires)> cache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long a look-up that failed on the network waits before it is asked again.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    public Platform Platform => Platform.Slack;

    public async Task<FoundIdentity?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(email, out var entry) && entry.Expires > now)
        {
            return entry.Found;
        }

        try
        {
            var user = await api.LookupUserByEmailAsync(email, cancellationToken).ConfigureAwait(false);
            var found = user.Deleted || user.IsBot ? null : new FoundIdentity(user.TeamId, user.Id, user.RealName ?? user.Name, null, null);
            Remember(email, found);
            return found;
        }
        catch (SlackApiException error) when (error.Error is "users_not_found" or "user_not_found")
        {
            Remember(email, null);
            return null;
        }
        catch (SlackRateLimitedException limited)
        {
            // Not an answer: the person may well be in the workspace. Ask again after Retry-After, not by e-mail meanwhile.
            throw new ContactLookupDeferredException(limited.RetryAfter, "Slack's users.lookupByEmail is rate-limited");
        }
        catch (SlackTransientException error)
        {
            LogLookupFailed(log, error.GetType().Name, error.Message);
            throw new ContactLookupDeferredException(RetryAfterFailure, "Slack could not be asked: " + error.Message);
        }
        catch (SlackApiException error)
        {
            // missing_scope, invalid_auth and the like: Slack cannot look anyone up; the next route reaches them.
            LogLookupFailed(log, error.GetType().Name, error.Message);
            return null;
        }
    }

    private void Remember(string email, FoundIdentity? found)
    {
        var ttl = found is null ? options.CurrentValue.LookupMissLifetime : options.CurrentValue.LookupHitLifetime;
        cache[email] = (found, time.GetUtcNow() + ttl);
    }

    [LoggerMessage(EventId = 4120, Level = LogLevel.Warning, Message = "Slack users.lookupByEmail failed ({Kind}: {Reason}); the contact is looked up again later")]
    private static partial void LogLookupFailed(ILogger logger, string kind, string reason);
}
