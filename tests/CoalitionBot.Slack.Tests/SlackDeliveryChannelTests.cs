using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Outbox;
using CoalitionBot.Core.Messages;
using CoalitionBot.Slack.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Slack.Tests;

public sealed class SlackDeliveryChannelTests
{
    [Fact]
    public async Task Send_SixtyKilobyteMemoToADm_SimulatorAcceptsEveryPart()
    {
        await using var host = await SlackTestHost.StartAsync();
        // This test checks that every part of a split message is valid; the parts go to one DM faster than Slack's
        // one-a-second pacing, whose 429 + Retry-After handling Send_RateLimitStorm_HonoursRetryAfterWithoutKnockingAgain covers.
        host.Slack.WithoutRateLimits();
        var message = new Message("Memo M-12 is open", [new MemoExcerptBlock("M-12", "Human rights, not military aid", BlockKitRendererTests.LongMemo(60_000), false)]);

        var outcome = await Channel(host).SendAsync(Outbound("U1", message), CancellationToken.None);

        var sent = Assert.IsType<DeliverySent>(outcome);
        Assert.Equal("DU1", sent.ConversationId);
        Assert.StartsWith("DU1:", sent.PlatformMessageId, StringComparison.Ordinal);
        Assert.True(host.Slack.Messages.Count > 1);
        Assert.All(host.Slack.Calls, c => Assert.Null(c.Error));
    }

    [Fact]
    public async Task Send_RateLimitStorm_HonoursRetryAfterWithoutKnockingAgain()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Slack.SetRateLimit("chat.postMessage", 1, TimeSpan.FromSeconds(30));
        var channel = Channel(host);

        var first = await channel.SendAsync(Outbound("U1", Message.Text("one")), CancellationToken.None);
        var limited = await channel.SendAsync(Outbound("U1", Message.Text("two")), CancellationToken.None);
        var stillLimited = await channel.SendAsync(Outbound("U2", Message.Text("three")), CancellationToken.None);
        var callsDuringWindow = host.Slack.CountCalls("chat.postMessage");
        host.Time.Advance(TimeSpan.FromSeconds(31));
        var afterWindow = await channel.SendAsync(Outbound("U1", Message.Text("two")), CancellationToken.None);

        Assert.IsType<DeliverySent>(first);
        var retry = Assert.IsType<DeliveryRetry>(limited);
        Assert.Equal("ratelimited", retry.Reason);
        Assert.Equal(TimeSpan.FromSeconds(30), retry.After);
        Assert.IsType<DeliveryRetry>(stillLimited);
        Assert.Equal(2, callsDuringWindow);
        Assert.IsType<DeliverySent>(afterWindow);
    }

    [Theory]
    [InlineData("C9", "is_archived")]
    [InlineData("C404", "channel_not_found")]
    public async Task Send_UnreachableRecipient_FailsForGoodAndMarksThem(string target, string error)
    {
        await using var host = await SlackTestHost.StartAsync();

        var outcome = await Channel(host).SendAsync(Outbound(target, Message.Text("hello")), CancellationToken.None);

        var failed = Assert.IsType<DeliveryFailed>(outcome);
        Assert.Equal(error, failed.Reason);
        Assert.True(failed.RecipientUnreachable);
    }

    [Theory]
    [InlineData("cannot_dm_bot")]
    [InlineData("user_disabled")]
    public async Task Send_PersonWhoCannotBeDmed_RouteFailsSoTheNextRouteIsTried(string error)
    {
        await using var host = await SlackTestHost.StartAsync();
        var guest = host.Slack.AddGuest("Gale Guest", "gale@partner.example");
        host.Slack.RefuseDirectMessages(guest.Id, error);

        var outcome = await Channel(host).SendAsync(Outbound(guest.Id, Message.Text("hello")), CancellationToken.None);

        Assert.Equal(error, Assert.IsType<DeliveryRouteFailed>(outcome).Reason);
    }

    [Fact]
    public async Task Send_UnknownUserId_RouteFails()
    {
        await using var host = await SlackTestHost.StartAsync();

        var outcome = await Channel(host).SendAsync(Outbound("U404", Message.Text("hello")), CancellationToken.None);

        Assert.Equal("user_not_found", Assert.IsType<DeliveryRouteFailed>(outcome).Reason);
    }

    [Fact]
    public async Task Send_RevokedBotToken_RetriesLaterAndReportsUnhealthy()
    {
        await using var host = await SlackTestHost.StartAsync(configure: s => s["Slack:BotToken"] = "xoxb-revoked");

        var outcome = await Channel(host).SendAsync(Outbound("U1", Message.Text("hello")), CancellationToken.None);

        Assert.Equal("invalid_auth", Assert.IsType<DeliveryRetry>(outcome).Reason);
        Assert.Equal("invalid_auth", host.Services.GetRequiredService<Hosting.SlackHealth>().FatalError);
    }

    [Fact]
    public async Task Start_RevokedBotTokenInHttpMode_HealthUnhealthyBeforeAnySend()
    {
        await using var host = await SlackTestHost.StartAsync(configure: s => s["Slack:BotToken"] = "xoxb-revoked");

        var error = await host.Services.GetRequiredService<Hosting.SlackHealth>().Stopped.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("invalid_auth", error);
        Assert.Contains(host.Slack.Calls, c => c.Method == "auth.test" && c.Error == "invalid_auth");
    }

    [Fact]
    public async Task Send_ReplacesEarlierMessage_UpdatesItInPlace()
    {
        await using var host = await SlackTestHost.StartAsync();
        var channel = Channel(host);
        var first = Assert.IsType<DeliverySent>(await channel.SendAsync(Outbound("C1", Message.Text("3 signed")), CancellationToken.None));

        var second = await channel.SendAsync(Outbound("C1", Message.Text("4 signed")) with { ReplacesPlatformMessageId = first.PlatformMessageId }, CancellationToken.None);

        Assert.Equal(first.PlatformMessageId, Assert.IsType<DeliverySent>(second).PlatformMessageId);
        Assert.Equal(1, host.Slack.CountCalls("chat.update"));
    }

    [Fact]
    public async Task Send_ReplacesAMessageItCannotUpdate_FailsForGood()
    {
        await using var host = await SlackTestHost.StartAsync();
        var channel = Channel(host);
        var deleted = Assert.IsType<DeliverySent>(await channel.SendAsync(Outbound("C1", Message.Text("3 signed")), CancellationToken.None));
        host.Slack.DeleteMessage("C1", deleted.PlatformMessageId.Split(':')[1]);
        var persons = host.Slack.PostAsUser("C1", "U1", "my own words");

        var gone = await channel.SendAsync(Outbound("C1", Message.Text("4 signed")) with { ReplacesPlatformMessageId = deleted.PlatformMessageId }, CancellationToken.None);
        var notOurs = await channel.SendAsync(Outbound("C1", Message.Text("4 signed")) with { ReplacesPlatformMessageId = "C1:" + persons.Ts }, CancellationToken.None);
        var noChannel = await channel.SendAsync(Outbound("C1", Message.Text("4 signed")) with { ReplacesPlatformMessageId = "C0GONE:" + persons.Ts }, CancellationToken.None);

        Assert.Equal(new DeliveryFailed("message_not_found", RecipientUnreachable: false), gone);
        Assert.Equal(new DeliveryFailed("cant_update_message", RecipientUnreachable: false), notOurs);
        Assert.IsType<DeliveryFailed>(noChannel); // channel_not_found: never retried
        Assert.Equal(["message_not_found", "cant_update_message", "channel_not_found"], host.Slack.Calls.Where(c => c.Method == "chat.update").Select(c => c.Error));
    }

    private static IDeliveryChannel Channel(SlackTestHost host) =>
        host.Services.GetServices<IDeliveryChannel>().Single(c => c.Platform == Platform.Slack);

    private static OutboundMessage Outbound(string target, Message message) =>
        new(Guid.NewGuid(), new DeliveryTarget(Platform.Slack, "T0SIM", target, target.StartsWith('C') ? target : null, null), message);
}
