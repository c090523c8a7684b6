using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Outbox;
using CoalitionBot.Core.Messages;
using CoalitionBot.Teams.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Teams.Tests;

public sealed class DeliveryChannelTests
{
    [Fact]
    public async Task Send_NoConversationYet_CreatesOneToOneChatAndReturnsItsId()
    {
        await using var bot = await TeamsBot.StartAsync();
        HasTheApp(bot);
        var channel = Channel(bot);
        var target = new DeliveryTarget(Platform.Teams, bot.Simulator.Options.TenantId, bot.Activities.UserAadObjectId, null, Reference(bot));

        var outcome = await channel.SendAsync(new OutboundMessage(Guid.NewGuid(), target, Some.StatusMessage("M-12", 5)), CancellationToken.None);

        var sent = Assert.IsType<DeliverySent>(outcome);
        Assert.NotNull(sent.ConversationId);
        Assert.Equal(bot.Activities.UserId, bot.Simulator.CreatedConversations[sent.ConversationId]);
        var activity = Assert.Single(bot.Simulator.Activities);
        Assert.Equal(sent.ConversationId, activity.ConversationId);
        Assert.Equal(sent.PlatformMessageId, activity.ActivityId);
    }

    [Fact]
    public async Task Send_NoReferenceAtAll_UsesDefaultServiceUrlAndEntraObjectId()
    {
        await using var bot = await TeamsBot.StartAsync();
        HasTheApp(bot);
        var target = new DeliveryTarget(Platform.Teams, bot.Simulator.Options.TenantId, bot.Activities.UserAadObjectId, null, null);

        var outcome = await Channel(bot).SendAsync(new OutboundMessage(Guid.NewGuid(), target, Message.Text("Reminder: M-12 closes on Friday.")), CancellationToken.None);

        var sent = Assert.IsType<DeliverySent>(outcome);
        Assert.Equal(bot.Activities.UserAadObjectId, bot.Simulator.CreatedConversations[sent.ConversationId!]);
    }

    [Fact]
    public async Task Send_ReplacesEarlierMessage_UpdatesThatActivity()
    {
        await using var bot = await TeamsBot.StartAsync();
        HasTheApp(bot);
        var channel = Channel(bot);
        var target = new DeliveryTarget(Platform.Teams, bot.Simulator.Options.TenantId, bot.Activities.UserAadObjectId, null, Reference(bot));
        var first = Assert.IsType<DeliverySent>(await channel.SendAsync(new OutboundMessage(Guid.NewGuid(), target, Some.StatusMessage("M-12", 5)), CancellationToken.None));

        var outcome = await channel.SendAsync(
            new OutboundMessage(Guid.NewGuid(), target with { ConversationId = first.ConversationId }, Some.StatusMessage("M-12", 6), first.PlatformMessageId),
            CancellationToken.None);

        Assert.IsType<DeliverySent>(outcome);
        var update = bot.Simulator.Activities[^1];
        Assert.Equal("PUT", update.Method);
        Assert.Equal(first.PlatformMessageId, update.ActivityId);
        Assert.Contains("\"6\"", update.Card!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_Throttled429_RetryAfterHonoured()
    {
        await using var bot = await TeamsBot.StartAsync();
        bot.Simulator.FailNextWrite(429, TimeSpan.FromSeconds(3), "Throttled");
        var target = new DeliveryTarget(Platform.Teams, bot.Simulator.Options.TenantId, bot.Activities.UserAadObjectId, "a:1existing", Reference(bot));

        var outcome = await Channel(bot).SendAsync(new OutboundMessage(Guid.NewGuid(), target, Message.Text("Reminder")), CancellationToken.None);

        var retry = Assert.IsType<DeliveryRetry>(outcome);
        Assert.Equal(TimeSpan.FromSeconds(3), retry.After);
        Assert.Empty(bot.Simulator.Activities);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(412)]
    public async Task Send_PassingFailure_Retry(int status)
    {
        await using var bot = await TeamsBot.StartAsync();
        bot.Simulator.FailNextWrite(status);
        var target = new DeliveryTarget(Platform.Teams, bot.Simulator.Options.TenantId, bot.Activities.UserAadObjectId, "a:1existing", Reference(bot));

        var outcome = await Channel(bot).SendAsync(new OutboundMessage(Guid.NewGuid(), target, Message.Text("Reminder")), CancellationToken.None);

        Assert.IsType<DeliveryRetry>(outcome);
    }

    [Fact]
    public async Task Send_UserBlockedTheApp_FailedAndUnreachable()
    {
        await using var bot = await TeamsBot.StartAsync();
        HasTheApp(bot);
        bot.Simulator.BlockUser(bot.Activities.UserId);
        var target = new DeliveryTarget(Platform.Teams, bot.Simulator.Options.TenantId, bot.Activities.UserAadObjectId, null, Reference(bot));

        var outcome = await Channel(bot).SendAsync(new OutboundMessage(Guid.NewGuid(), target, Message.Text("Reminder")), CancellationToken.None);

        var failed = Assert.IsType<DeliveryFailed>(outcome);
        Assert.True(failed.RecipientUnreachable);
    }

    [Fact]
    public async Task Send_PersonSharesNoTeamWithTheBot_RouteFailedAndNothingSent()
    {
        await using var bot = await TeamsBot.StartAsync();
        var target = new DeliveryTarget(Platform.Teams, bot.Simulator.Options.TenantId, bot.Activities.UserAadObjectId, null, Reference(bot));

        var outcome = await Channel(bot).SendAsync(new OutboundMessage(Guid.NewGuid(), target, Message.Text("M-12 waits for your answer")), CancellationToken.None);

        var failed = Assert.IsType<DeliveryRouteFailed>(outcome);
        Assert.Contains("403", failed.Reason, StringComparison.Ordinal);
        Assert.Empty(bot.Simulator.CreatedConversations);
        Assert.Empty(bot.Simulator.Activities);
    }

    [Fact]
    public async Task Send_TeamMemberWhoNeverWrote_OpensTheChatAndDelivers()
    {
        await using var bot = await TeamsBot.StartAsync();
        var team = bot.Simulator.AddTeam("Rights Before Arms");
        var sam = bot.Simulator.AddTeamMember(team, "Sam Lee", "sam@gpn.org", guest: true);
        await bot.Simulator.InstallBotAsync(bot.Http, bot.Messages, team);
        var reference = new Activities.ConversationReference(bot.Simulator.ServiceUrl, "msteams", null, new Activities.ChannelAccount(bot.Activities.BotId), new Activities.ChannelAccount(sam.Id, sam.Name, sam.AadObjectId));
        var target = new DeliveryTarget(Platform.Teams, bot.Simulator.Options.TenantId, sam.AadObjectId, null, reference.Serialise());

        var outcome = await Channel(bot).SendAsync(new OutboundMessage(Guid.NewGuid(), target, Message.Text("M-12 waits for your answer")), CancellationToken.None);

        var sent = Assert.IsType<DeliverySent>(outcome);
        Assert.Equal(sam.Id, bot.Simulator.CreatedConversations[sent.ConversationId!]);
        Assert.Equal(sent.ConversationId, Assert.Single(bot.Simulator.Activities, a => a.ConversationId == sent.ConversationId).ConversationId);
    }

    [Fact]
    public async Task Send_ToATeamChannel_PostsANewThreadThere()
    {
        await using var bot = await TeamsBot.StartAsync();
        var team = bot.Simulator.AddTeam("Rights Before Arms");
        await bot.Simulator.InstallBotAsync(bot.Http, bot.Messages, team);
        var channelReference = new Activities.ConversationReference(bot.Simulator.ServiceUrl, "msteams", new Activities.ConversationAccount(team.Id, "channel", bot.Simulator.Options.TenantId, true), new Activities.ChannelAccount(bot.Activities.BotId), null);
        var target = new DeliveryTarget(Platform.Teams, bot.Simulator.Options.TenantId, string.Empty, team.Id, channelReference.Serialise());

        var outcome = await Channel(bot).SendAsync(new OutboundMessage(Guid.NewGuid(), target, Some.StatusMessage("M-12", 5)), CancellationToken.None);

        var sent = Assert.IsType<DeliverySent>(outcome);
        Assert.Equal(team.Id, sent.ConversationId);
        Assert.Empty(bot.Simulator.CreatedConversations);
        Assert.Contains(bot.Simulator.Activities, a => a.ConversationId == team.Id && a.ActivityId == sent.PlatformMessageId && a.Method == "POST");
    }

    [Fact]
    public async Task Send_LongMemo_SplitIntoSeveralActivitiesEachUnderLimit()
    {
        await using var bot = await TeamsBot.StartAsync();
        var target = new DeliveryTarget(Platform.Teams, bot.Simulator.Options.TenantId, bot.Activities.UserAadObjectId, "a:1existing", Reference(bot));

        var outcome = await Channel(bot).SendAsync(new OutboundMessage(Guid.NewGuid(), target, Some.MemoMessage("M-12", Some.LongMemo())), CancellationToken.None);

        var sent = Assert.IsType<DeliverySent>(outcome);
        Assert.True(bot.Simulator.Activities.Count > 2);
        Assert.All(bot.Simulator.Activities, a => Assert.True(a.Bytes < 80 * 1024, $"{a.Bytes} bytes"));
        Assert.Equal(bot.Simulator.Activities[^1].ActivityId, sent.PlatformMessageId);
        Assert.Contains("Action.", bot.Simulator.Activities[^1].Card!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_TwoMessages_OneTokenFetchedAndReusedUntilNearExpiry()
    {
        await using var bot = await TeamsBot.StartAsync();
        var channel = Channel(bot);
        var target = new DeliveryTarget(Platform.Teams, bot.Simulator.Options.TenantId, bot.Activities.UserAadObjectId, "a:1existing", Reference(bot));

        await channel.SendAsync(new OutboundMessage(Guid.NewGuid(), target, Message.Text("one")), CancellationToken.None);
        await channel.SendAsync(new OutboundMessage(Guid.NewGuid(), target, Message.Text("two")), CancellationToken.None);
        Assert.Equal(1, bot.Simulator.TokensIssued);

        bot.Time.Advance(TimeSpan.FromMinutes(56));
        var outcome = await channel.SendAsync(new OutboundMessage(Guid.NewGuid(), target, Message.Text("three")), CancellationToken.None);

        Assert.IsType<DeliverySent>(outcome);
        Assert.Equal(2, bot.Simulator.TokensIssued);
    }

    [Fact]
    public async Task Send_WrongSecret_TokenRefusedAndDeliveryRetried()
    {
        await using var bot = await TeamsBot.StartAsync(s => s["Teams:AppPassword"] = "not-the-secret");
        var target = new DeliveryTarget(Platform.Teams, bot.Simulator.Options.TenantId, bot.Activities.UserAadObjectId, "a:1existing", Reference(bot));

        var outcome = await Channel(bot).SendAsync(new OutboundMessage(Guid.NewGuid(), target, Message.Text("one")), CancellationToken.None);

        Assert.IsType<DeliveryRetry>(outcome);
        Assert.Empty(bot.Simulator.Activities);
    }

    [Fact]
    public async Task Registration_DeliveryChannel_IsTheTeamsOne()
    {
        await using var bot = await TeamsBot.StartAsync();

        var channel = Assert.Single(bot.Services.GetServices<IDeliveryChannel>());

        Assert.Equal(Platform.Teams, channel.Platform);
    }

    [Fact]
    public async Task Registration_ContactFinder_IsTheTeamsOne()
    {
        await using var bot = await TeamsBot.StartAsync();

        var finder = Assert.Single(bot.Services.GetServices<CoalitionBot.Core.Reach.IContactFinder>());

        Assert.Equal(Platform.Teams, finder.Platform);
        Assert.Null(await finder.FindByEmailAsync("amira@hra.org", CancellationToken.None)); // no roster store in the adapter alone
    }

    /// <summary>The app is installed for the test's user (they could chat with the bot), so the bot may open a 1:1 chat with them.</summary>
    private static void HasTheApp(TeamsBot bot) => bot.Simulator.AddMember(bot.Activities.UserId, bot.Activities.UserAadObjectId, bot.Activities.UserName, "amira@hra.org");

    private static IDeliveryChannel Channel(TeamsBot bot) => bot.Services.GetServices<IDeliveryChannel>().Single(c => c.Platform == Platform.Teams);

    private static string Reference(TeamsBot bot) =>
        new Activities.ConversationReference(
            bot.Simulator.ServiceUrl,
            "msteams",
            new Activities.ConversationAccount("a:1some-other", "personal", bot.Simulator.Options.TenantId),
            new Activities.ChannelAccount(bot.Activities.BotId, "CoalitionBot"),
            new Activities.ChannelAccount(bot.Activities.UserId, "Amira Haddad", bot.Activities.UserAadObjectId)).Serialise();
}
