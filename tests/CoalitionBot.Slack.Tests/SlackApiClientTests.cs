using System.Text;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Outbox;
using CoalitionBot.Core.Messages;
using CoalitionBot.Slack.Api;
using CoalitionBot.Slack.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Slack.Tests;

public sealed class SlackApiClientTests
{
    [Fact]
    public async Task ReadMethods_AgainstTheSimulator_ReturnTypedAnswers()
    {
        await using var host = await SlackTestHost.StartAsync();
        var api = host.Services.GetRequiredService<SlackApiClient>();

        var (team, botUser, _) = await api.AuthTestAsync(CancellationToken.None);
        var ben = await api.LookupUserByEmailAsync("ben@example.org", CancellationToken.None);
        var ana = await api.GetUserAsync("U1", CancellationToken.None);
        var dm = await api.OpenConversationAsync("U2", CancellationToken.None);

        Assert.Equal(host.Slack.TeamId, team);
        Assert.Equal(host.Slack.BotUserId, botUser);
        Assert.Equal(("U2", "America/New_York"), (ben.Id, ben.TimeZone));
        Assert.Equal("ana@example.org", ana.Email);
        Assert.Equal("DU2", dm);
    }

    [Fact]
    public async Task UploadFile_CompiledList_UploadedAndSharedInTheChannel()
    {
        await using var host = await SlackTestHost.StartAsync();
        var api = host.Services.GetRequiredService<SlackApiClient>();

        var fileId = await api.UploadFileAsync("C1", "M-12-signatories.csv", Encoding.UTF8.GetBytes("Organisation\nOxfam\n"), "M-12 signatories", "Final list", CancellationToken.None);

        Assert.StartsWith("F", fileId, StringComparison.Ordinal);
        Assert.Equal(["files.getUploadURLExternal", "files.completeUploadExternal"], host.Slack.Calls.Select(c => c.Method).Where(m => m.StartsWith("files.", StringComparison.Ordinal)));
        Assert.All(host.Slack.Calls, c => Assert.Null(c.Error));
    }

    [Fact]
    public async Task Call_UnknownUser_TypedExceptionWithSlacksCode()
    {
        await using var host = await SlackTestHost.StartAsync();
        var api = host.Services.GetRequiredService<SlackApiClient>();

        var error = await Assert.ThrowsAsync<SlackApiException>(() => api.LookupUserByEmailAsync("nobody@example.org", CancellationToken.None));

        Assert.Equal("users_not_found", error.Error);
        Assert.Equal("users.lookupByEmail", error.Method);
    }

    [Fact]
    public async Task Send_ScopeRemovedFromTheApp_FailsWithMissingScope()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Slack.Scopes.Remove("chat:write");
        var channel = host.Services.GetServices<IDeliveryChannel>().Single();

        var outcome = await channel.SendAsync(
            new OutboundMessage(Guid.NewGuid(), new DeliveryTarget(Platform.Slack, "T0SIM", "U1", null, null), Message.Text("hi")),
            CancellationToken.None);

        var failed = Assert.IsType<DeliveryFailed>(outcome);
        Assert.Equal("missing_scope", failed.Reason);
        Assert.False(failed.RecipientUnreachable);
    }
}
