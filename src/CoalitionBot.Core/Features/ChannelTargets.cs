using System.Text.RegularExpressions;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Reach.Channels;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Features;

/// <summary>
/// Which channel `circulate M-3 to …` means, and how to name it back: `here` (the channel the command was typed in),
/// Slack's escaped form (&lt;#C123|name&gt;, as a DM message carries a channel picked from the list), a Slack id, or a
/// name looked up on the platform (<see cref="IChannelFinder"/>: Slack's channel list, the channels of the Teams teams
/// the bot is in). A name that matches none, or several, is refused with what there is, never guessed.
/// </summary>
public sealed partial class ChannelTargets(IEnumerable<IChannelFinder> finders)
{
    public const string Usage = "circulate M-3 to #channel | here";

    private const int MaxNameLength = 160;

    public async Task<(string Id, string Label)> ResolveAsync(Place place, string target, CancellationToken ct)
    {
        var platform = place.Platform;
        if (platform is not (Platform.Slack or Platform.Teams or Platform.Web))
        {
            throw new RefusalException("I can post a memo card in a channel on Slack and Teams. Type the command there, or reach these partners with `partners link`.");
        }

        if (target.Equals("here", StringComparison.OrdinalIgnoreCase))
        {
            return place.Kind == PlaceKind.Channel
                ? (ChannelOf(place), "this channel")
                : throw new RefusalException(platform == Platform.Teams
                    ? "Type `circulate M-3 to here` in the channel itself, mentioning me (add me to the team first), or name the channel: `circulate M-3 to #General`."
                    : "Type `circulate M-3 to here` in the channel itself (invite me there first), or name the channel.");
        }

        if (platform == Platform.Slack && SlackChannel().Match(target) is { Success: true } escaped)
        {
            return (escaped.Groups["id"].Value, "#" + (escaped.Groups["name"].Success && escaped.Groups["name"].Length > 0 ? escaped.Groups["name"].Value : escaped.Groups["id"].Value));
        }

        if (platform == Platform.Slack && SlackId().IsMatch(target))
        {
            return (target, "<#" + target + ">");
        }

        var name = target.StartsWith('#') ? target[1..].Trim() : string.Empty;
        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl))
        {
            throw new RefusalException($"\"{Memos.Shorten(target)}\" is not a channel. Usage: `{Usage}`.");
        }

        if (platform == Platform.Web)
        {
            // The local web channel has no real channels: a name stands for itself (so every flow can be tried there).
            return PlainName().IsMatch(name) ? (name, "#" + name) : throw new RefusalException($"\"{Memos.Shorten(target)}\" is not a channel. Usage: `{Usage}`.");
        }

        var finder = finders.FirstOrDefault(f => f.Platform == platform)
            ?? throw new RefusalException("I can't look channels up by name here. Type `circulate M-3 to here` in the channel itself.");
        IReadOnlyList<FoundChannel> found;
        try
        {
            found = await finder.FindByNameAsync(place.TenantId, name, ct);
        }
        catch (ChannelLookupException error)
        {
            throw new RefusalException($"I couldn't look up #{Memos.Shorten(name)} just now ({error.Message}). Try again in a minute, or type `circulate M-3 to here` in the channel itself.");
        }

        return found switch
        {
            [{ BotMayPost: true } one] => (one.Id, one.Label),
            [var one] => throw new RefusalException($"I am not in {one.Label}. Invite me there first (`/invite @CoalitionBot` in the channel), then circulate again."),
            [] => throw new RefusalException(NotFound(platform, name)),
            _ => throw new RefusalException($"Several channels are called #{Memos.Shorten(name)}: {string.Join(", ", found.Select(f => f.Label))}. "
                + (platform == Platform.Teams ? "Type `circulate M-3 to here` in the one you mean." : "Pick the channel from Slack's list as you type # in a message to me.")),
        };
    }

    private static string NotFound(Platform platform, string name) => platform == Platform.Teams
        ? $"I found no channel called #{Memos.Shorten(name)} in the teams I was added to. Add me to the team (Apps → CoalitionBot → Add to a team), or type `circulate M-3 to here` in the channel, mentioning me."
        : $"I found no channel called #{Memos.Shorten(name)} that I can post in. Check the spelling; for a private channel, invite me there first (`/invite @CoalitionBot`), or type `/memo circulate M-3 to here` in the channel itself.";

    /// <summary>
    /// The channel a message in it belongs to. Teams gives a message in a channel thread the conversation
    /// "19:…@thread.tacv2;messageid=…": a new post goes to the channel's own id, before the ";".
    /// </summary>
    private static string ChannelOf(Place place) =>
        place.Platform == Platform.Teams && place.ConversationId.IndexOf(';', StringComparison.Ordinal) is > 0 and var at
            ? place.ConversationId[..at]
            : place.ConversationId;

    [GeneratedRegex(@"^<#(?<id>[CG][A-Z0-9]{2,})(\|(?<name>[^>]*))?>$")]
    private static partial Regex SlackChannel();

    [GeneratedRegex(@"^[CG][A-Z0-9]{2,}$")]
    private static partial Regex SlackId();

    [GeneratedRegex(@"^[\p{L}\p{N}_\-.]{1,80}$")]
    private static partial Regex PlainName();
}
