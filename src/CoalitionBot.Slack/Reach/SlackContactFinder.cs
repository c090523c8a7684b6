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
/// A rate limit or a network failure is not cached: the next look-up asks again. Distributed ("Add to Slack"), every
/// workspace with an active installation is asked in turn, with its own token, the one in scope first: a partner in
/// their own installed workspace is found there, and the card goes to them with that workspace's token.
/// </summary>
internal sealed partial class SlackContactFinder(
    SlackApiClient api, IServiceScopeFactory scopes, TimeProvider time, IOptionsMonitor<SlackOptions> options, ILogger<SlackContactFinder> log) : IContactFinder
{
    private readonly ConcurrentDictionary<string, (FoundIdentity? Found, DateTimeOffset Expires)> cache = new(StringComparer.OrdinalIgnoreCase);

    public Platform Platform => Platform.Slack;

    public async Task<FoundIdentity?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(email, out var entry) && entry.Expires > now)
        {
            return entry.Found;
        }

        foreach (var team in await WorkspacesAsync(cancellationToken).ConfigureAwait(false))
        {
            using var scope = SlackTeamScope.Enter(team);
            try
            {
                var user = await api.LookupUserByEmailAsync(email, cancellationToken).ConfigureAwait(false);
                if (!user.Deleted && !user.IsBot)
                {
                    var found = new FoundIdentity(user.TeamId, user.Id, user.RealName ?? user.Name, null, null);
                    Remember(email, found);
                    return found;
                }
            }
            catch (SlackApiException error) when (error.Error is "users_not_found" or "user_not_found")
            {
                // not in this workspace: the next one
            }
            catch (Exception error) when (error is SlackApiException or SlackRateLimitedException or SlackTransientException)
            {
                LogLookupFailed(log, error.GetType().Name, error.Message);
                return null;
            }
        }

        Remember(email, null);
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
