using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Reach.Channels;
using CoalitionBot.Teams.Connector;

namespace CoalitionBot.Teams.Rosters;

/// <summary>
/// Finds a channel by name among the channels of the teams the bot was added to in the tenant (stored on install,
/// <see cref="TeamsRosters"/>), asking Teams for each team's channels (GET /v3/teams/{id}/conversations) at the time of
/// the look-up, so a channel created or renamed since is found. "General" is the channel Teams lists without a name.
/// </summary>
internal sealed class TeamsChannelFinder(TeamsRosters rosters, BotConnectorClient connector) : IChannelFinder
{
    public const string General = "General";

    public Platform Platform => Platform.Teams;

    public async Task<IReadOnlyList<FoundChannel>> FindByNameAsync(string tenantId, string name, CancellationToken cancellationToken)
    {
        if (rosters.Store is not { } store)
        {
            return [];
        }

        var teams = (await store.ActivePlacesAsync(Platform.Teams, cancellationToken).ConfigureAwait(false))
            .Select(s => s.Place)
            .Where(p => p.Kind == PlaceKind.Channel && string.Equals(p.TenantId, tenantId, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var found = new List<FoundChannel>();
        var failures = 0;
        foreach (var team in teams)
        {
            var (result, channels) = await connector.GetTeamChannelsAsync(team.ServiceUrl, team.PlaceId, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                failures++;
                continue;
            }

            found.AddRange(channels
                .Where(c => string.Equals(c.Name ?? General, name, StringComparison.OrdinalIgnoreCase))
                .Select(c => new FoundChannel(c.Id, Clean(c.Name) ?? General, Clean(team.Name) ?? "your team", BotMayPost: true)));
        }

        if (found.Count == 0 && failures > 0 && failures == teams.Count)
        {
            throw new ChannelLookupException("Teams did not list the channels of the teams I am in");
        }

        return found;
    }

    /// <summary>Names come from Teams, not from the coordinator: no control characters, bidi controls balanced, before they are shown.</summary>
    private static string? Clean(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : CoalitionBot.Documents.BidiText.Balance(CoalitionBot.Documents.ControlText.Strip(name, keepLineBreaks: false)).Trim();
}
