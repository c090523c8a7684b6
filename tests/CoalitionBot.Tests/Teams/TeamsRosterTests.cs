using System.Net;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Outbox;
using CoalitionBot.Core.Reach;
using CoalitionBot.Storage;
using CoalitionBot.Testing.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Tests.Teams;

/// <summary>
/// Reaching partners who never wrote to the bot, through the real host: the bot is added to the coalition's team,
/// reads its roster, finds a contact there by e-mail and opens a 1:1 chat with them.
/// </summary>
public sealed class TeamsRosterTests
{
    [Fact]
    public async Task InstalledInTeam_ContactWhoNeverWrote_FoundByEmailOnSecondPageAndDelivered()
    {
        await using var host = await TeamsHost.StartAsync();
        var team = host.Simulator.AddTeam("Rights Before Arms Coalition");
        for (var i = 0; i < 540; i++)
        {
            host.Simulator.AddTeamMember(team, $"Partner {i}", $"partner{i}@example.org");
        }

        var amira = host.Simulator.AddTeamMember(team, "Amira Haddad", "amira@hra.org", guest: true);

        Assert.All(await host.Simulator.InstallBotAsync(host.Http, host.Messages, team), s => Assert.True((int)s < 300, s.ToString()));
        var found = await Finder(host).FindByEmailAsync("Amira@HRA.org", TeamsHost.Timeout());

        Assert.NotNull(found);
        Assert.Equal(amira.AadObjectId, found.UserId); // keyed like an inbound Teams user: tenant + Entra object id
        Assert.Equal(host.Simulator.Options.TenantId, found.TenantId);
        Assert.Equal("Amira Haddad", found.DisplayName);
        Assert.Null(found.ConversationId);
        Assert.Contains($"{team.Id} page 2", host.Simulator.RosterReads);

        var outcome = await Channel(host).SendAsync(Message(found, "M-1 waits for your organisation's answer."), TeamsHost.Timeout());

        var sent = Assert.IsType<DeliverySent>(outcome);
        Assert.Equal(amira.Id, host.Simulator.CreatedConversations[sent.ConversationId!]);
        var arrived = Assert.Single(host.Simulator.Activities, a => a.ConversationId == sent.ConversationId);
        Assert.Contains("M-1 waits", arrived.Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_StoresTheTeamDurablyWithItsServiceUrlAndTenant()
    {
        await using var host = await TeamsHost.StartAsync();
        var team = host.Simulator.AddTeam("Rights Before Arms Coalition");
        host.Simulator.AddTeamMember(team, "Sam Lee", "sam@gpn.org");

        await host.Simulator.InstallBotAsync(host.Http, host.Messages, team);

        await using var scope = host.Factory.Services.CreateAsyncScope();
        var place = await scope.ServiceProvider.GetRequiredService<CoalitionDbContext>().RosterPlaces.SingleAsync();
        Assert.Equal(team.Id, place.PlaceId);
        Assert.Equal(host.Simulator.ServiceUrl, place.ServiceUrl);
        Assert.Equal(host.Simulator.Options.TenantId, place.TenantId);
        Assert.Equal(PlaceKind.Channel, place.Kind);
        Assert.Equal("Rights Before Arms Coalition", place.Name);
        Assert.True(place.Active);
    }

    [Fact]
    public async Task MemberLeavesTheTeam_NoLongerFoundAndTheChatIsRefused_RouteFailed()
    {
        await using var host = await TeamsHost.StartAsync();
        var team = host.Simulator.AddTeam("Rights Before Arms Coalition");
        var sam = host.Simulator.AddTeamMember(team, "Sam Lee", "sam@gpn.org");
        await host.Simulator.InstallBotAsync(host.Http, host.Messages, team);
        var before = await Finder(host).FindByEmailAsync("sam@gpn.org", TeamsHost.Timeout());
        Assert.NotNull(before);

        Assert.Equal(HttpStatusCode.OK, await host.Simulator.LeaveTeamAsync(host.Http, host.Messages, team, sam));
        var after = await Finder(host).FindByEmailAsync("sam@gpn.org", TeamsHost.Timeout());
        var outcome = await Channel(host).SendAsync(Message(before, "M-1 waits for your answer."), TeamsHost.Timeout());

        Assert.Null(after);
        Assert.IsType<DeliveryRouteFailed>(outcome);
        Assert.DoesNotContain(sam.Id, host.Simulator.CreatedConversations.Values);
    }

    [Fact]
    public async Task PersonOutsideEveryTeamOfTheBot_NotFound()
    {
        await using var host = await TeamsHost.StartAsync();
        var team = host.Simulator.AddTeam("Rights Before Arms Coalition");
        host.Simulator.AddTeamMember(team, "Sam Lee", "sam@gpn.org");
        host.Simulator.AddTeamMember(host.Simulator.AddTeam("A team without the bot"), "Olu Ade", "olu@elsewhere.org");
        await host.Simulator.InstallBotAsync(host.Http, host.Messages, team);

        Assert.Null(await Finder(host).FindByEmailAsync("olu@elsewhere.org", TeamsHost.Timeout()));
    }

    [Fact]
    public async Task MemberJoins_FoundAtOnceThroughTheEvent()
    {
        await using var host = await TeamsHost.StartAsync();
        var team = host.Simulator.AddTeam("Rights Before Arms Coalition");
        await host.Simulator.InstallBotAsync(host.Http, host.Messages, team);
        Assert.Null(await Finder(host).FindByEmailAsync("lucia@fdh.org", TeamsHost.Timeout()));

        var (lucia, status) = await host.Simulator.JoinTeamAsync(host.Http, host.Messages, team, "Lucía Gómez", "lucia@fdh.org");
        var found = await Finder(host).FindByEmailAsync("lucia@fdh.org", TeamsHost.Timeout());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(lucia.AadObjectId, found?.UserId);
    }

    [Fact]
    public async Task RosterOlderThanMaxAge_ReadAgainBeforeTheSearch()
    {
        await using var host = await TeamsHost.StartAsync();
        var team = host.Simulator.AddTeam("Rights Before Arms Coalition");
        host.Simulator.AddTeamMember(team, "Sam Lee", "sam@gpn.org");
        await host.Simulator.InstallBotAsync(host.Http, host.Messages, team);
        Assert.NotNull(await Finder(host).FindByEmailAsync("sam@gpn.org", TeamsHost.Timeout()));
        var reads = host.Simulator.RosterReads.Count;

        // Tom joins while the bot is down: no event reaches it.
        host.Simulator.AddTeamMember(team, "Tom Rivers", "tom@rra.org");
        var whileFresh = await Finder(host).FindByEmailAsync("tom@rra.org", TeamsHost.Timeout());
        host.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var afterMaxAge = await Finder(host).FindByEmailAsync("tom@rra.org", TeamsHost.Timeout());

        Assert.Null(whileFresh);
        Assert.Equal(reads, host.Simulator.RosterReads.Count - 1);
        Assert.NotNull(afterMaxAge);
    }

    [Fact]
    public async Task BotRemovedFromTheTeam_ItsMembersAreNoLongerFound()
    {
        await using var host = await TeamsHost.StartAsync();
        var team = host.Simulator.AddTeam("Rights Before Arms Coalition");
        host.Simulator.AddTeamMember(team, "Sam Lee", "sam@gpn.org");
        await host.Simulator.InstallBotAsync(host.Http, host.Messages, team);
        Assert.NotNull(await Finder(host).FindByEmailAsync("sam@gpn.org", TeamsHost.Timeout()));

        await host.Simulator.UninstallBotAsync(host.Http, host.Messages, team);

        Assert.Null(await Finder(host).FindByEmailAsync("sam@gpn.org", TeamsHost.Timeout()));
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        Assert.False((await db.RosterPlaces.SingleAsync()).Active);
        Assert.Empty(await db.RosterMembers.ToListAsync());
    }

    [Fact]
    public async Task GroupChat_BotAdded_ItsMembersFoundToo()
    {
        await using var host = await TeamsHost.StartAsync();
        var chat = host.Simulator.AddTeam("Steering group", groupChat: true);
        var dana = host.Simulator.AddTeamMember(chat, "Dana Park", "dana@cfa.org");

        await host.Simulator.InstallBotAsync(host.Http, host.Messages, chat);

        Assert.Equal(dana.AadObjectId, (await Finder(host).FindByEmailAsync("dana@cfa.org", TeamsHost.Timeout()))?.UserId);
    }

    private static IContactFinder Finder(TeamsHost host) =>
        host.Factory.Services.GetServices<IContactFinder>().Single(f => f.Platform == Platform.Teams);

    private static IDeliveryChannel Channel(TeamsHost host) =>
        host.Factory.Services.GetServices<IDeliveryChannel>().Single(c => c.Platform == Platform.Teams);

    /// <summary>The message the outbox would send to a contact stored with this identity (as the core stores a found one).</summary>
    private static OutboundMessage Message(FoundIdentity found, string text) =>
        new(Guid.NewGuid(), new DeliveryTarget(Platform.Teams, found.TenantId, found.UserId, found.ConversationId, found.Reference), Core.Messages.Message.Text(text));
}
