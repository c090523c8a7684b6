using System.Collections.Concurrent;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Reach.Channels;
using CoalitionBot.Slack.Api;
using CoalitionBot.Slack.Installations;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Slack.Reach;

/// <summary>
/// Finds a channel of the workspace by the name a coordinator typed (`/memo circulate M-3 to #advocacy`: a slash command
/// carries names unescaped) with conversations.list (channels:read, and groups:read for the private channels the bot
/// is in; Tier 2, paced by <see cref="SlackRateLimiter"/>). The list is kept for a minute per workspace, so a few names
/// typed in a row cost one listing; a name not in a list older than a few seconds is looked up afresh (a channel made
/// just now). Public channels take a post without an invitation (chat:write.public); private ones are listed only when
/// the bot is in them.
/// </summary>
internal sealed partial class SlackChannelFinder(SlackApiClient api, TimeProvider time, ILogger<SlackChannelFinder> log) : IChannelFinder
{
    private const int MaxPages = 50;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan FreshEnough = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, (IReadOnlyList<SlackChannel> Channels, DateTimeOffset ListedAt)> lists = new(StringComparer.Ordinal);

    public Platform Platform => Platform.Slack;

    public async Task<IReadOnlyList<FoundChannel>> FindByNameAsync(string tenantId, string name, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (lists.TryGetValue(tenantId, out var kept) && now - kept.ListedAt < Lifetime)
        {
            var hits = Match(kept.Channels, name);
            if (hits.Count > 0 || now - kept.ListedAt < FreshEnough)
            {
                return hits;
            }
        }

        var channels = await ListAsync(tenantId, cancellationToken).ConfigureAwait(false);
        lists[tenantId] = (channels, time.GetUtcNow());
        return Match(channels, name);
    }

    private static List<FoundChannel> Match(IReadOnlyList<SlackChannel> channels, string name) =>
        [.. channels.Where(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
            .Select(c => new FoundChannel(c.Id, c.Name, Team: null, BotMayPost: !c.IsPrivate || c.IsMember))];

    private async Task<IReadOnlyList<SlackChannel>> ListAsync(string teamId, CancellationToken cancellationToken)
    {
        using var scope = SlackTeamScope.Enter(teamId);
        try
        {
            return await PagesAsync("public_channel,private_channel", cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException error) when (error.Error == "missing_scope")
        {
            // Installed before groups:read was asked for: the public channels still count.
            LogListFailed(log, error.Error);
            try
            {
                return await PagesAsync("public_channel", cancellationToken).ConfigureAwait(false);
            }
            catch (SlackApiException again) when (again.Error == "missing_scope")
            {
                throw new ChannelLookupException("the Slack app lacks the channels:read permission; reinstall it from its manifest", again);
            }
        }
        catch (SlackRateLimitedException limited)
        {
            throw new ChannelLookupException($"Slack asks me to wait {Math.Ceiling(limited.RetryAfter.TotalSeconds)} s", limited);
        }
        catch (SlackTransientException error)
        {
            LogListFailed(log, error.Message);
            throw new ChannelLookupException("Slack did not answer", error);
        }
        catch (SlackApiException error)
        {
            LogListFailed(log, error.Error);
            throw new ChannelLookupException("Slack answered " + error.Error, error);
        }
    }

    private async Task<IReadOnlyList<SlackChannel>> PagesAsync(string types, CancellationToken cancellationToken)
    {
        var all = new List<SlackChannel>();
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var (channels, next) = await api.ListChannelsAsync(types, cursor, cancellationToken).ConfigureAwait(false);
            all.AddRange(channels);
            if ((cursor = next) is null)
            {
                break;
            }
        }

        return all;
    }

    [LoggerMessage(EventId = 4121, Level = LogLevel.Warning, Message = "Slack conversations.list failed ({Reason}); a channel named by a coordinator could not be looked up")]
    private static partial void LogListFailed(ILogger logger, string reason);
}
