using System.Net;
using System.Text.Json.Nodes;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Messages;
using CoalitionBot.Teams.Activities;
using CoalitionBot.Teams.Tests.Support;
using Xunit;

namespace CoalitionBot.Teams.Tests;

public sealed class MessageTests
{
    [Fact]
    public async Task Message_InPersonalChat_HandedToCoreAndAnsweredAsReply()
    {
        await using var bot = await TeamsBot.StartAsync();
        var activity = bot.Activities.Message("status M-12");

        using var response = await bot.SendAsync(activity);
        await bot.Simulator.WaitForActivitiesAsync(1, TeamsBot.Timeout());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var inbound = Assert.Single(bot.Handler.Received);
        Assert.Equal(new CommandText("status M-12"), inbound.Content);
        Assert.Equal(new ChatIdentity(Platform.Teams, bot.Simulator.Options.TenantId, bot.Activities.UserAadObjectId), inbound.Actor.Identity);
        Assert.Equal("Amira Haddad", inbound.Actor.DisplayName);
        Assert.Equal("Europe/Berlin", inbound.Actor.TimeZone);
        Assert.Equal(PlaceKind.Direct, inbound.Place.Kind);
        var reply = Assert.Single(bot.Simulator.Activities);
        Assert.Equal("REPLY", reply.Method);
        Assert.Equal(activity["id"]!.GetValue<string>(), reply.ReplyToId);
        Assert.Equal(bot.Activities.PersonalConversationId, reply.ConversationId);
        Assert.Contains("41", reply.Card!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_PlaceReference_CarriesWhatProactiveMessagesNeed()
    {
        await using var bot = await TeamsBot.StartAsync();

        await bot.SendAsync(bot.Activities.Message("list"));
        await bot.Handler.WaitForAsync(1, TeamsBot.Timeout());

        var reference = ConversationReference.TryParse(bot.Handler.Received[0].Place.Reference);
        Assert.NotNull(reference);
        Assert.Equal(bot.Simulator.ServiceUrl, reference.ServiceUrl);
        Assert.Equal("msteams", reference.ChannelId);
        Assert.Equal(bot.Activities.PersonalConversationId, reference.Conversation?.Id);
        Assert.Equal("personal", reference.Conversation?.ConversationType);
        Assert.Equal(bot.Activities.BotId, reference.Bot?.Id);
        Assert.Equal(bot.Activities.UserId, reference.User?.Id);
        Assert.Equal(bot.Activities.UserAadObjectId, reference.User?.AadObjectId);
    }

    [Fact]
    public async Task Message_ChannelMention_MentionStrippedAndPrivateReplyGoesToOneToOneChat()
    {
        await using var bot = await TeamsBot.StartAsync();

        await bot.SendAsync(bot.Activities.ChannelMention(" status   M-12 "));
        await bot.Simulator.WaitForActivitiesAsync(1, TeamsBot.Timeout());

        var inbound = Assert.Single(bot.Handler.Received);
        Assert.Equal(new CommandText("status M-12"), inbound.Content);
        Assert.Equal(PlaceKind.Channel, inbound.Place.Kind);
        var sent = Assert.Single(bot.Simulator.Activities);
        Assert.Equal(bot.Activities.UserId, bot.Simulator.CreatedConversations[sent.ConversationId]);
    }

    [Fact]
    public void CommandText_OtherPeoplesMentions_KeptAsTheirNames()
    {
        var activity = new Activity
        {
            Text = "<at>CoalitionBot</at> coordinators add <at>Lena Vogel</at>&nbsp;",
            Recipient = new ChannelAccount("28:bot"),
            Entities =
            [
                System.Text.Json.JsonSerializer.SerializeToElement(new { type = "mention", text = "<at>CoalitionBot</at>", mentioned = new { id = "28:bot", name = "CoalitionBot" } }),
                System.Text.Json.JsonSerializer.SerializeToElement(new { type = "mention", text = "<at>Lena Vogel</at>", mentioned = new { id = "29:lena", name = "Lena Vogel" } }),
            ],
        };

        Assert.Equal("coordinators add Lena Vogel", InboundMapper.CommandText(activity));
    }

    [Fact]
    public void CommandText_MultiLine_KeepsLineBreaksAndBlankLines()
    {
        var activity = new Activity { Text = "  new  Memo | Minister\r\nWe urge you.\r\n\r\n**First**,\tvet   every unit. ", Recipient = new ChannelAccount("28:bot") };

        Assert.Equal("new Memo | Minister\nWe urge you.\n\n**First**, vet every unit.", InboundMapper.CommandText(activity));
    }

    [Fact]
    public async Task ActionSubmit_ButtonData_BecomesButtonAction()
    {
        await using var bot = await TeamsBot.StartAsync();

        await bot.SendAsync(bot.Activities.Submit(new JsonObject { ["cb.action"] = ActionIds.Status, ["cb.value"] = "M-12" }));
        await bot.Simulator.WaitForActivitiesAsync(1, TeamsBot.Timeout());

        Assert.Equal(new ButtonAction(ActionIds.Status, "M-12"), Assert.Single(bot.Handler.Received).Content);
    }

    [Fact]
    public async Task ActionSubmit_FormData_BecomesFormSubmissionWithDateJoined()
    {
        await using var bot = await TeamsBot.StartAsync();
        var value = new JsonObject
        {
            ["cb.form"] = FormIds.SignOn,
            ["cb.context"] = "M-12",
            ["displayName"] = "Médecins du Monde",
            ["attest"] = "true",
            ["until__date"] = "2026-12-05",
            ["until__time"] = "17:00",
        };

        await bot.SendAsync(bot.Activities.Submit(value));
        await bot.Simulator.WaitForActivitiesAsync(1, TeamsBot.Timeout());

        var form = Assert.IsType<FormSubmission>(Assert.Single(bot.Handler.Received).Content);
        Assert.Equal(FormIds.SignOn, form.FormId);
        Assert.Equal("M-12", form.Context);
        Assert.Equal("Médecins du Monde", form.Fields["displayName"]);
        Assert.Equal("true", form.Fields["attest"]);
        Assert.Equal("2026-12-05T17:00", form.Fields["until"]);
        Assert.DoesNotContain("cb.form", form.Fields.Keys);
    }

    [Fact]
    public async Task Message_DeliveredTwice_HandledOnce()
    {
        await using var bot = await TeamsBot.StartAsync();
        var activity = bot.Activities.Message("status M-12", id: "1:same-activity");

        using var first = await bot.SendAsync(activity);
        using var second = await bot.SendAsync(activity);
        await bot.Simulator.WaitForActivitiesAsync(1, TeamsBot.Timeout());
        await bot.SendAsync(bot.Activities.Message("list"));
        await bot.Handler.WaitForAsync(2, TeamsBot.Timeout());

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(bot.Handler.Received, i => i.Content == new CommandText("status M-12"));
    }

    [Fact]
    public async Task Install_ConversationUpdateAndInstallationUpdate_GreetsOnceWithHelp()
    {
        await using var bot = await TeamsBot.StartAsync();

        await bot.SendAsync(bot.Activities.BotAdded());
        await bot.SendAsync(bot.Activities.Installation("add"));
        await bot.Simulator.WaitForActivitiesAsync(1, TeamsBot.Timeout());

        var inbound = Assert.Single(bot.Handler.Received);
        Assert.Equal(new CommandText("help"), inbound.Content);
        Assert.NotNull(inbound.Place.Reference);
        var greeting = Assert.Single(bot.Simulator.Activities);
        Assert.Equal("POST", greeting.Method);
        Assert.Contains("CoalitionBot", greeting.Card!.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("messageReaction")]
    [InlineData("conversationUpdate")]
    public async Task OtherActivities_Ignored_Ok(string type)
    {
        await using var bot = await TeamsBot.StartAsync();

        using var response = await bot.SendAsync(bot.Activities.Base(type, null, personal: true, text: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(bot.Handler.Received);
    }
}
