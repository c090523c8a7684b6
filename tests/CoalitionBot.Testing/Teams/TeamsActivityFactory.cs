using System.Text.Json.Nodes;

namespace CoalitionBot.Testing.Teams;

/// <summary>Builds activities shaped like the ones Teams posts to a bot, addressed from the simulator's serviceUrl.</summary>
public sealed class TeamsActivityFactory(BotFrameworkSimulator simulator)
{
    private int next;

    public string BotId => "28:" + simulator.Options.AppId;

    public string UserId { get; init; } = "29:1user-" + Guid.NewGuid().ToString("N")[..12];

    public string UserAadObjectId { get; init; } = Guid.NewGuid().ToString();

    public string UserName { get; init; } = "Amira Haddad";

    public string PersonalConversationId { get; init; } = "a:1personal-" + Guid.NewGuid().ToString("N")[..12];

    public string ChannelConversationId { get; init; } = "19:" + Guid.NewGuid().ToString("N")[..16] + "@thread.tacv2;messageid=1717000000000";

    public string TimeZone { get; init; } = "Europe/Berlin";

    /// <summary>A text message in the 1:1 chat.</summary>
    public JsonObject Message(string text, string? id = null) => Base("message", id, personal: true, text);

    /// <summary>A channel message mentioning the bot: "&lt;at&gt;CoalitionBot&lt;/at&gt; {text}" with its mention entity.</summary>
    public JsonObject ChannelMention(string text, string? id = null)
    {
        var activity = Base("message", id, personal: false, $"<at>CoalitionBot</at> {text}");
        activity["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>CoalitionBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "CoalitionBot" },
        });
        return activity;
    }

    /// <summary>What an Action.Submit press sends: a message with the action data (plus inputs) as value.</summary>
    public JsonObject Submit(JsonObject value, string replyToId = "1:card", bool personal = true)
    {
        var activity = Base("message", null, personal, null);
        activity["value"] = value;
        activity["replyToId"] = replyToId;
        return activity;
    }

    /// <summary>An Action.Execute press (or a card refresh when <paramref name="automatic"/>).</summary>
    public JsonObject Execute(string verb, JsonObject data, bool automatic = false, bool personal = true)
    {
        var activity = Base("invoke", null, personal, null);
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = automatic ? "automatic" : "manual",
        };
        activity["replyToId"] = "1:card";
        return activity;
    }

    /// <summary>task/fetch or task/submit (dialogs).</summary>
    public JsonObject Task(string name, JsonObject data, bool personal = true)
    {
        var activity = Base("invoke", null, personal, null);
        activity["name"] = name;
        activity["value"] = new JsonObject { ["data"] = data, ["context"] = new JsonObject { ["theme"] = "default" } };
        return activity;
    }

    /// <summary>The bot was added to a conversation.</summary>
    public JsonObject BotAdded(bool personal = true)
    {
        var activity = Base("conversationUpdate", null, personal, null);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
        activity["channelData"]!["eventType"] = "teamMemberAdded";
        return activity;
    }

    public JsonObject Installation(string action, bool personal = true)
    {
        var activity = Base("installationUpdate", null, personal, null);
        activity["action"] = action;
        return activity;
    }

    public JsonObject Base(string type, string? id, bool personal, string? text)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = id ?? "f:" + Interlocked.Increment(ref next).ToString(System.Globalization.CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..8],
            ["timestamp"] = simulator.Options.Time.GetUtcNow().ToString("O"),
            ["localTimestamp"] = simulator.Options.Time.GetUtcNow().ToString("O"),
            ["serviceUrl"] = simulator.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = UserId, ["name"] = UserName, ["aadObjectId"] = UserAadObjectId },
            ["conversation"] = personal
                ? new JsonObject { ["conversationType"] = "personal", ["tenantId"] = simulator.Options.TenantId, ["id"] = PersonalConversationId }
                : new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = simulator.Options.TenantId, ["id"] = ChannelConversationId },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "CoalitionBot" },
            ["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "clientInfo",
                ["locale"] = "en-GB",
                ["country"] = "GB",
                ["platform"] = "Web",
                ["timezone"] = TimeZone,
            }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = simulator.Options.TenantId } },
            ["locale"] = "en-GB",
        };
        if (text is not null)
        {
            activity["text"] = text;
            activity["textFormat"] = "plain";
        }

        return activity;
    }
}
