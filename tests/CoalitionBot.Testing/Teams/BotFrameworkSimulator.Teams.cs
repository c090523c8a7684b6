using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CoalitionBot.Testing.Teams;

/// <summary>
/// Teams and group chats with rosters (PROTOCOLS.md, "Reaching people who never wrote to the bot"): pagedmembers paged
/// as the service pages it, and the membership events Teams sends the bot, signed like every other activity.
/// </summary>
public sealed partial class BotFrameworkSimulator
{
    /// <summary>Teams serves at most 500 members a page and treats smaller requests as 50.</summary>
    public const int MaxPageSize = 500;
    public const int MinPageSize = 50;

    private readonly ConcurrentDictionary<string, SimulatedTeam> teams = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> rosterReads = new();
    private int nextMember;

    /// <summary>Each pagedmembers request the bot made, as "{conversationId} page {n}" (n from 1).</summary>
    public IReadOnlyList<string> RosterReads => [.. rosterReads];

    /// <summary>A team (or group chat) of the tenant; the bot is not in it until <see cref="InstallBotAsync"/>.</summary>
    public SimulatedTeam AddTeam(string name, bool groupChat = false)
    {
        var id = "19:" + Guid.NewGuid().ToString("N")[..20] + (groupChat ? "@thread.v2" : "@thread.tacv2");
        var team = new SimulatedTeam(id, name, groupChat);
        teams[id] = team;
        return team;
    }

    /// <summary>Puts a person in a team without telling the bot (as when the bot missed the event). A guest's UPN is the #EXT# one.</summary>
    public SimulatedMember AddTeamMember(SimulatedTeam team, string name, string email, bool guest = false)
    {
        ArgumentNullException.ThrowIfNull(team);
        var n = Interlocked.Increment(ref nextMember).ToString("D5", CultureInfo.InvariantCulture);
        var upn = guest ? email.Replace('@', '_') + "#EXT#@simulated.onmicrosoft.com" : email;
        var member = new SimulatedMember("29:1member-" + n + Guid.NewGuid().ToString("N")[..8], Guid.NewGuid().ToString(), name, email, upn, guest ? "guest" : "user", Options.TenantId);
        team.Add(member);
        return member;
    }

    /// <summary>Adds the bot to the team: conversationUpdate (the bot in membersAdded), then installationUpdate add.</summary>
    public async Task<IReadOnlyList<HttpStatusCode>> InstallBotAsync(HttpClient client, Uri messagesEndpoint, SimulatedTeam team)
    {
        ArgumentNullException.ThrowIfNull(team);
        team.BotInstalled = true;
        var added = TeamEvent(team, "conversationUpdate", "teamMemberAdded");
        added["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
        var installed = TeamEvent(team, "installationUpdate", null);
        installed["action"] = "add";
        return [await SendEventAsync(client, messagesEndpoint, added), await SendEventAsync(client, messagesEndpoint, installed)];
    }

    /// <summary>Removes the bot from the team: installationUpdate remove, then conversationUpdate (the bot in membersRemoved).</summary>
    public async Task<IReadOnlyList<HttpStatusCode>> UninstallBotAsync(HttpClient client, Uri messagesEndpoint, SimulatedTeam team)
    {
        ArgumentNullException.ThrowIfNull(team);
        var removed = TeamEvent(team, "installationUpdate", null);
        removed["action"] = "remove";
        var left = TeamEvent(team, "conversationUpdate", "teamMemberRemoved");
        left["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = BotId });
        var statuses = new[] { await SendEventAsync(client, messagesEndpoint, removed), await SendEventAsync(client, messagesEndpoint, left) };
        team.BotInstalled = false;
        return statuses;
    }

    /// <summary>A person joins the team; the bot, if it is in the team, gets conversationUpdate membersAdded (ids only, as Teams sends).</summary>
    public async Task<(SimulatedMember Member, HttpStatusCode? Status)> JoinTeamAsync(HttpClient client, Uri messagesEndpoint, SimulatedTeam team, string name, string email, bool guest = false)
    {
        var member = AddTeamMember(team, name, email, guest);
        var joined = TeamEvent(team, "conversationUpdate", "teamMemberAdded");
        joined["membersAdded"] = new JsonArray(new JsonObject { ["id"] = member.Id, ["aadObjectId"] = member.AadObjectId });
        return (member, team.BotInstalled ? await SendEventAsync(client, messagesEndpoint, joined) : null);
    }

    /// <summary>A person leaves the team; the bot, if it is in the team, gets conversationUpdate membersRemoved.</summary>
    public async Task<HttpStatusCode?> LeaveTeamAsync(HttpClient client, Uri messagesEndpoint, SimulatedTeam team, SimulatedMember member)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(member);
        team.Remove(member);
        var left = TeamEvent(team, "conversationUpdate", "teamMemberRemoved");
        left["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = member.Id, ["aadObjectId"] = member.AadObjectId });
        return team.BotInstalled ? await SendEventAsync(client, messagesEndpoint, left) : null;
    }

    private string BotId => "28:" + Options.AppId;

    /// <summary>Whether Teams would let the bot open a 1:1 chat with this 29: id or object id.</summary>
    private bool MayOpenChatWith(string member) =>
        roster.ContainsKey(member) || talkedToBot.ContainsKey(member) || teams.Values.Any(t => t.BotInstalled && t.Has(member));

    /// <summary>A team member as members/{id} answers in that team's conversations, or in the 1:1 chat the bot opened with them.</summary>
    private JsonObject? TeamMember(string conversationId, string memberId)
    {
        var inTheirChat = conversationMembers.TryGetValue(conversationId, out var chatMember) && chatMember == memberId;
        return teams.Values
            .Where(t => t.BotInstalled && (inTheirChat || t.OwnsConversation(conversationId)))
            .SelectMany(t => t.Members)
            .FirstOrDefault(m => m.Id == memberId || m.AadObjectId == memberId)
            ?.ToJson();
    }

    /// <summary>GET /v3/teams/{teamId}/conversations: the team's channels; 403 when the bot is not in the team.</summary>
    private IResult TeamChannels(HttpContext context, string teamId)
    {
        if (!Authorised(context))
        {
            return ConnectorError(401, "Unauthorized", "Authorization has been denied for this request.");
        }

        if (!teams.TryGetValue(teamId, out var team) || team.GroupChat)
        {
            return ConnectorError(404, "NotFound", "Team not found.");
        }

        if (!team.BotInstalled)
        {
            return ConnectorError(403, "BotNotInConversationRoster", "The bot is not part of the conversation roster.");
        }

        var list = new JsonArray([.. team.Channels.Select(c => (JsonNode)(c.Name is null ? new JsonObject { ["id"] = c.Id } : new JsonObject { ["id"] = c.Id, ["name"] = c.Name }))]);
        return Results.Json(new JsonObject { ["conversations"] = list });
    }

    /// <summary>
    /// Why Teams would refuse the bot a write to this conversation: a channel (or thread) of a team, or a group chat,
    /// the bot is not in. Null for conversations the bot may write to.
    /// </summary>
    private IResult? RefuseTeamWrite(string conversationId) =>
        teams.Values.FirstOrDefault(t => t.OwnsConversation(conversationId)) is { BotInstalled: false }
            ? ConnectorError(403, "BotNotInConversationRoster", "The bot is not part of the conversation roster.")
            : null;

    /// <summary>
    /// A team member posts in one of the team's channels mentioning the bot (a new post: the conversation id carries
    /// ";messageid=" with the post's id), as Teams delivers it to the bot.
    /// </summary>
    public JsonObject ChannelMention(SimulatedTeam team, string channelId, SimulatedMember member, string text)
    {
        ArgumentNullException.ThrowIfNull(member);
        var activity = ChannelActivity(team, channelId + ";messageid=" + Options.Time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), member, "message");
        activity["text"] = $"<at>CoalitionBot</at> {text}";
        activity["textFormat"] = "plain";
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>CoalitionBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "CoalitionBot" },
        });
        return activity;
    }

    /// <summary>
    /// What Teams sends when a member presses a button on a card the bot posted in a channel: for Action.Execute an
    /// adaptiveCard/action invoke, for an Action.Submit that opens a dialog a task/fetch invoke — in the card's thread,
    /// from the member who pressed.
    /// </summary>
    public JsonObject ChannelPress(SimulatedTeam team, RecordedActivity card, SimulatedMember member, JsonObject action)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(action);
        var data = (JsonObject)action["data"]!.DeepClone();
        var activity = ChannelActivity(team, card.ConversationId + ";messageid=" + card.ActivityId, member, "invoke");
        if ((string?)action["type"] == "Action.Execute")
        {
            activity["name"] = "adaptiveCard/action";
            activity["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = (string?)action["verb"], ["data"] = data },
                ["trigger"] = "manual",
            };
        }
        else
        {
            activity["name"] = "task/fetch";
            activity["value"] = new JsonObject { ["data"] = data, ["context"] = new JsonObject { ["theme"] = "default" } };
        }

        activity["replyToId"] = card.ActivityId;
        return activity;
    }

    /// <summary>The task/submit a member sends from a dialog opened on a channel card, with the form's data and inputs.</summary>
    public JsonObject ChannelDialogSubmit(SimulatedTeam team, RecordedActivity card, SimulatedMember member, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(card);
        var activity = ChannelActivity(team, card.ConversationId + ";messageid=" + card.ActivityId, member, "invoke");
        activity["name"] = "task/submit";
        activity["value"] = new JsonObject { ["data"] = data.DeepClone(), ["context"] = new JsonObject { ["theme"] = "default" } };
        activity["replyToId"] = card.ActivityId;
        return activity;
    }

    private JsonObject ChannelActivity(SimulatedTeam team, string conversationId, SimulatedMember member, string type)
    {
        ArgumentNullException.ThrowIfNull(team);
        var activity = TeamEvent(team, type, null);
        activity["from"] = new JsonObject { ["id"] = member.Id, ["name"] = member.Name, ["aadObjectId"] = member.AadObjectId };
        activity["conversation"]!["id"] = conversationId;
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = conversationId.Split(';')[0] };
        return activity;
    }

    private IResult PagedMembers(HttpContext context, string conversationId)
    {
        if (!Authorised(context))
        {
            return ConnectorError(401, "Unauthorized", "Authorization has been denied for this request.");
        }

        if (!teams.TryGetValue(conversationId, out var team))
        {
            return ConnectorError(404, "ConversationNotFound", "Conversation not found.");
        }

        if (!team.BotInstalled)
        {
            return ConnectorError(403, "BotNotInConversationRoster", "The bot is not part of the conversation roster.");
        }

        var size = int.TryParse(context.Request.Query["pageSize"], CultureInfo.InvariantCulture, out var asked) ? Math.Clamp(asked, MinPageSize, MaxPageSize) : MaxPageSize;
        var offset = 0;
        if (context.Request.Query["continuationToken"].ToString() is { Length: > 0 } token && !TryReadToken(token, conversationId, out offset))
        {
            return ConnectorError(400, "BadArgument", "Invalid continuation token.");
        }

        var members = team.Members;
        rosterReads.Enqueue($"{conversationId} page {(offset / size) + 1}");
        var page = new JsonArray([.. members.Skip(offset).Take(size).Select(m => (JsonNode)m.ToJson())]);
        var body = new JsonObject { ["members"] = page };
        if (offset + size < members.Count)
        {
            body["continuationToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{conversationId}|{offset + size}"));
        }

        return Results.Json(body);
    }

    private static bool TryReadToken(string token, string conversationId, out int offset)
    {
        offset = 0;
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|');
            return parts.Length == 2 && parts[0] == conversationId && int.TryParse(parts[1], CultureInfo.InvariantCulture, out offset) && offset >= 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private JsonObject TeamEvent(SimulatedTeam team, string type, string? eventType)
    {
        var channelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Options.TenantId } };
        if (!team.GroupChat)
        {
            channelData["team"] = new JsonObject { ["id"] = team.Id, ["name"] = team.Name, ["aadGroupId"] = Guid.NewGuid().ToString() };
        }

        if (eventType is not null)
        {
            channelData["eventType"] = eventType;
        }

        return new JsonObject
        {
            ["type"] = type,
            ["id"] = "f:" + Guid.NewGuid().ToString("N"),
            ["timestamp"] = Options.Time.GetUtcNow().ToString("O"),
            ["serviceUrl"] = ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:1team-owner", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000ee" },
            ["conversation"] = new JsonObject
            {
                ["isGroup"] = true,
                ["conversationType"] = team.GroupChat ? "groupChat" : "channel",
                ["tenantId"] = Options.TenantId,
                ["id"] = team.Id,
            },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "CoalitionBot" },
            ["channelData"] = channelData,
        };
    }

    private async Task<HttpStatusCode> SendEventAsync(HttpClient client, Uri messagesEndpoint, JsonObject activity)
    {
        using var response = await SendActivityAsync(client, messagesEndpoint, activity).ConfigureAwait(false);
        return response.StatusCode;
    }
}
