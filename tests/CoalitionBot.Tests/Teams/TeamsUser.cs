using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Testing.Teams;
using Xunit;

namespace CoalitionBot.Tests.Teams;

/// <summary>
/// One person in Teams: types to the bot (in their 1:1 chat, or mentioning it in a channel), presses card buttons and
/// fills in forms the way the Teams client does, and reads what the bot sent them from the simulator's record.
/// </summary>
internal sealed class TeamsUser(TeamsHost host, TeamsActivityFactory activities, bool inChannel)
{
    private TeamsActivityFactory activities = activities;
    private bool inChannel = inChannel;

    public string Name => activities.UserName;

    public string UserId => activities.UserId;

    /// <summary>The 1:1 chat this person talks to the bot in (for a channel user: the one the bot opened).</summary>
    public string? ChatId => inChannel ? host.Simulator.CreatedConversations.FirstOrDefault(c => c.Value == UserId).Key : activities.PersonalConversationId;

    /// <summary>Everything the bot posted into this person's 1:1 chat, oldest first, each as it reads now (after updates).</summary>
    public IReadOnlyList<RecordedActivity> Chat => host.Simulator.Conversation(ChatId);

    /// <summary>The newest card in this person's 1:1 chat.</summary>
    public JsonObject LastCard => Chat.Last(a => a.Card is not null).Card!;

    /// <summary>Sends a message and returns the bot's answer (wherever it went: here, or the 1:1 chat for a private answer).</summary>
    public async Task<JsonObject> Says(string text)
    {
        var before = host.Simulator.Activities.Count;
        using var response = await host.PostAsync(Activity(text));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reply = await NextForMeAsync(before);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        return reply.Card!;
    }

    /// <summary>The message activity <see cref="Says"/> would send, for tests that post it themselves.</summary>
    public JsonObject Activity(string text) => inChannel ? activities.ChannelMention(text) : activities.Message(text);

    /// <summary>The Action.Execute invoke a press of this button would send.</summary>
    public JsonObject Invoke(string actionId, string value) => activities.Execute(actionId, new JsonObject { [TeamsCards.ActionKey] = actionId, ["cb.value"] = value });

    /// <summary>From now on this person uses the 1:1 chat the bot opened with them (a card arrived there).</summary>
    public void MovesToPrivateChat()
    {
        var chat = ChatId ?? throw new InvalidOperationException($"The bot never opened a chat with {Name}.");
        activities = new TeamsActivityFactory(host.Simulator)
        {
            UserId = activities.UserId,
            UserAadObjectId = activities.UserAadObjectId,
            UserName = activities.UserName,
            PersonalConversationId = chat,
        };
        inChannel = false;
    }

    /// <summary>Presses the button for <paramref name="actionId"/> on a card, as Teams sends it, and returns Teams' answer to the invoke.</summary>
    public async Task<JsonObject> Presses(JsonObject card, string actionId)
    {
        var action = TeamsCards.Actions(card).Single(a => a["data"]?[TeamsCards.ActionKey]?.GetValue<string>() == actionId);
        var data = (JsonObject)action["data"]!.DeepClone();
        return action["type"]!.GetValue<string>() switch
        {
            "Action.Execute" => await InvokeAsync(activities.Execute(action["verb"]!.GetValue<string>(), data)),
            "Action.Submit" when data["msteams"]?["type"]?.GetValue<string>() == "task/fetch" => await InvokeAsync(activities.Task("task/fetch", data)),
            var other => throw new InvalidOperationException($"A test cannot press {other} yet."),
        };
    }

    /// <summary>An Action.Execute with this verb and data, as an older card (or another client) would send it.</summary>
    public Task<JsonObject> Executes(string verb, JsonObject data) => InvokeAsync(activities.Execute(verb, data));

    /// <summary>What Teams sends when it shows a card with a refresh action: the refresh verb, trigger "automatic".</summary>
    public Task<JsonObject> Refreshes(JsonObject card)
    {
        var action = card["refresh"]?["action"] ?? throw new InvalidOperationException("The card has no refresh action.");
        return InvokeAsync(activities.Execute(action["verb"]!.GetValue<string>(), (JsonObject)action["data"]!.DeepClone(), automatic: true));
    }

    /// <summary>
    /// Fills in a form card and presses its submit button: Action.Execute on a card (answer: the new card), or
    /// Action.Submit in a dialog (task/submit; answer: the dialog's closing note, plus a receipt in the chat we wait for).
    /// </summary>
    public async Task<JsonObject> Fills(JsonObject form, IReadOnlyDictionary<string, string> fields, bool dialog)
    {
        var action = form["actions"]!.AsArray().Single()!;
        var data = (JsonObject)action["data"]!.DeepClone();
        foreach (var (key, value) in fields)
        {
            Assert.Contains(key, TeamsCards.InputIds(form));
            data[key] = value;
        }

        if (!dialog)
        {
            Assert.Equal("Action.Execute", action["type"]!.GetValue<string>());
            return await InvokeAsync(activities.Execute(action["verb"]!.GetValue<string>(), data));
        }

        Assert.Equal("Action.Submit", action["type"]!.GetValue<string>());
        var before = host.Simulator.Activities.Count;
        var answer = await InvokeAsync(activities.Task("task/submit", data));
        if (answer["task"]?["type"]?.GetValue<string>() == "message")
        {
            host.InvokeCards.Add((await NextForMeAsync(before)).Card!);
        }

        return answer;
    }

    private async Task<JsonObject> InvokeAsync(JsonObject activity)
    {
        using var response = await host.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        if (body["type"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive")
        {
            host.InvokeCards.Add(body["value"]!.AsObject());
        }
        else if ((body["task"]?["value"] as JsonObject)?["card"]?["content"] is JsonObject dialogCard)
        {
            host.InvokeCards.Add(dialogCard);
        }

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        return body;
    }

    /// <summary>Waits (bounded, no polling) for the bot's next activity in a conversation of this person's (an update of an earlier card is not one).</summary>
    private async Task<RecordedActivity> NextForMeAsync(int before)
    {
        var timeout = TeamsHost.Timeout();
        for (var count = before + 1; ; count++)
        {
            await host.Simulator.WaitForActivitiesAsync(count, timeout);
            var activity = host.Simulator.Activities[count - 1];
            if (activity.Method != "PUT" && activity.ConversationId == activities.PersonalConversationId || activity.ConversationId == activities.ChannelConversationId || activity.ConversationId == ChatId)
            {
                return activity;
            }
        }
    }
}
