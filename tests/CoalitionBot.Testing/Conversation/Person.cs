using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Messages;

namespace CoalitionBot.Testing.Conversation;

/// <summary>Someone talking to the test bot: says commands, presses buttons, fills in forms, reads their inbox.</summary>
public sealed class Person(TestBot bot, Actor actor)
{
    public Actor Actor { get; } = actor;

    /// <summary>Proactive messages the bot sent this person (after <see cref="TestBot.DeliverAsync"/>).</summary>
    public IReadOnlyList<Message> Inbox =>
        bot.Channel.Sent.Where(m => m.Target.UserId == Actor.Identity.UserId && m.Target.TenantId == Actor.Identity.TenantId).Select(m => m.Message).ToList();

    /// <summary>The same messages as each first arrived, before the bot updated them (a card after an answer, a version, a close).</summary>
    public IReadOnlyList<Message> Delivered =>
        bot.Channel.Delivered.Where(m => m.Target.UserId == Actor.Identity.UserId && m.Target.TenantId == Actor.Identity.TenantId).Select(m => m.Message).ToList();

    public Task<BotReply> Says(string text, string? deliveryId = null) => Send(new CommandText(text), deliveryId);

    public Task<BotReply> Presses(string actionId, string value, string? deliveryId = null) => Send(new ButtonAction(actionId, value), deliveryId);

    /// <summary>Submits a form with its initial values overridden by <paramref name="fields"/>.</summary>
    public Task<BotReply> Submits(Form form, Dictionary<string, string?> fields, string? deliveryId = null)
    {
        var values = form.Fields.ToDictionary(f => f.Id, f => f.Initial);
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        return Send(new FormSubmission(form.FormId, form.Context, values), deliveryId);
    }

    /// <summary>Opens the sign-on form with the card's button and submits it with the attestation ticked.</summary>
    public async Task<BotReply> SignsOn(string memoCode, string? displayName = null, string title = "Director")
    {
        var opened = await Presses(ActionIds.Sign, memoCode);
        var form = opened.Form ?? throw new InvalidOperationException("No sign-on form opened: " + opened.Text);
        var fields = new Dictionary<string, string?> { ["signatory_title"] = title, ["attest"] = "true" };
        if (displayName is not null)
        {
            fields["display_name"] = displayName;
        }

        return await Submits(form, fields);
    }

    /// <summary>Presses a button of a card the bot posted in a channel (not in this person's DM).</summary>
    public Task<BotReply> PressesIn(string channelId, string actionId, string value) =>
        Send(new ButtonAction(actionId, value), place: new Place(Actor.Identity.Platform, Actor.Identity.TenantId, channelId, PlaceKind.Channel));

    public async Task<BotReply> Send(InboundContent content, string? deliveryId = null, Place? place = null)
    {
        place ??= new Place(Actor.Identity.Platform, Actor.Identity.TenantId, "dm:" + Actor.Identity.UserId, PlaceKind.Direct);
        var reply = await bot.Handler.HandleAsync(new Inbound(deliveryId ?? Guid.NewGuid().ToString("N"), Actor, place, content), CancellationToken.None);
        return new BotReply(reply);
    }
}
