using System.Collections.Concurrent;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Reach;
using CoalitionBot.Slack.Api;
using CoalitionBot.Slack.Installations;
using CoalitionBot.Storage.Installations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack.Reach;

/// <summary>
/// Finds a directory contact in the workspace by e-mail (users.lookupByEmail, scope users:read.email, Tier 3 and
/// paced by <see cref="SlackRateLimiter"/>). Hits and <c>users_not_found</c> misses are cached for a while; a
/// deactivated user or a bot is a miss. Guests and Slack Connect members the workspace can see count.
/// A rate limit or a network failure is not an answer and not cached: the look-up is deferred
/// (<see cref="ContactLookupDeferredException"/>) and asked again after Retry-After. Distributed ("Add to Slack"), every
/// workspace with an active installation is asked in turn, with its own token, the one in scope first: a partner in
/// their own installed workspace is found there, and the card goes to them with that workspace's token.
/// </summary>
internal sealed partial class SlackContactFinder(
    SlackApiClient api, IServiceScopeFactory scopes, TimeProvider time, IOptionsMonitor<SlackOptions> options, ILogger<SlackContactFinder> log) : IContactFinder
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

        var answered = false;
        foreach (var team in await WorkspacesAsync(cancellationToken).ConfigureAwait(false))
        {
            using var scope = SlackTeamScope.Enter(team);
            try
            {
                var user = await api.LookupUserByEmailAsync(email, cancellationToken).ConfigureAwait(false);
                answered = true;
                if (!user.Deleted && !user.IsBot)
                {
                    var found = new FoundIdentity(user.TeamId, user.Id, user.RealName ?? user.Name, null, null);
                    Remember(email, found);
                    return found;
                }
            }
            catch (SlackApiException error) when (error.Error is "users_not_found" or "user_not_found")
            {
                answered = true; // not in this workspace: the next one
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
                // missing_scope, invalid_auth and the like: this workspace cannot look anyone up; the next one may.
                LogLookupFailed(log, error.GetType().Name, error.Message);
            }
        }

        if (answered)
        {
            Remember(email, null); // only a real "not found" is cached; a workspace that could not answer is asked again
        }

        return null;
    }

    /// <summary>Null (the configured token) for one workspace; else every installed team, the one in scope first.</summary>
    private async Task<IReadOnlyList<string?>> WorkspacesAsync(CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.Distributed)
        {
            return [null];
        }

        await using var scope = scopes.CreateAsyncScope();
        var teams = await scope.ServiceProvider.GetRequiredService<SlackInstallationStore>().ActiveTeamsAsync(cancellationToken).ConfigureAwait(false);
        return [.. teams.OrderBy(t => t == SlackTeamScope.TeamId ? 0 : 1)];
    }

    private void Remember(string email, FoundIdentity? found)
    {
        var ttl = found is null ? options.CurrentValue.LookupMissLifetime : options.CurrentValue.LookupHitLifetime;
        cache[email] = (found, time.GetUtcNow() + ttl);
    }

    [LoggerMessage(EventId = 4120, Level = LogLevel.Warning, Message = "Slack users.lookupByEmail failed ({Kind}: {Reason}); the contact is looked up again later")]
    private static partial void LogLookupFailed(ILogger logger, string kind, string reason);
}
