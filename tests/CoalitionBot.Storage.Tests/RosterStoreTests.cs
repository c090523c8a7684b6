using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Reach.Rosters;
using CoalitionBot.Storage;
using CoalitionBot.Testing.Conversation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Storage.Tests;

public sealed class RosterStoreTests
{
    private const string Team = "19:team@thread.tacv2";

    [Fact]
    public async Task FindByEmail_EmailOrUpnInAnyCase_FoundOnlyWhileThePlaceIsActive()
    {
        await using var bot = await TestBot.StartAsync();
        var store = bot.Services.GetRequiredService<IRosterStore>();
        await store.AddPlaceAsync(Place(), CancellationToken.None);
        var state = Assert.Single(await store.ActivePlacesAsync(Platform.Teams, CancellationToken.None));
        Assert.True(state.Changed);
        Assert.True(await store.ReplaceMembersAsync(Platform.Teams, Team, [Amira(), Guest()], state.Change, bot.Clock.GetUtcNow(), CancellationToken.None));

        Assert.Equal("aad-amira", (await store.FindByEmailAsync(Platform.Teams, " Amira@HRA.org ", CancellationToken.None))?.Member.UserId);
        Assert.Equal("aad-olu", (await store.FindByEmailAsync(Platform.Teams, "olu_elsewhere.org#ext#@coalition.onmicrosoft.com", CancellationToken.None))?.Member.UserId);
        Assert.Null(await store.FindByEmailAsync(Platform.Slack, "amira@hra.org", CancellationToken.None));
        Assert.False(Assert.Single(await store.ActivePlacesAsync(Platform.Teams, CancellationToken.None)).Changed);

        await store.DeactivateAsync(Platform.Teams, Team, CancellationToken.None);

        Assert.Null(await store.FindByEmailAsync(Platform.Teams, "amira@hra.org", CancellationToken.None));
        Assert.Empty(await store.ActivePlacesAsync(Platform.Teams, CancellationToken.None));
    }

    [Fact]
    public async Task ReplaceMembers_MembershipChangedSinceTheReadBegan_IgnoredAndStillDue()
    {
        await using var bot = await TestBot.StartAsync();
        var store = bot.Services.GetRequiredService<IRosterStore>();
        await store.AddPlaceAsync(Place(), CancellationToken.None);
        var before = Assert.Single(await store.ActivePlacesAsync(Platform.Teams, CancellationToken.None));

        await store.RemoveMembersAsync(Platform.Teams, Team, ["29:amira"], CancellationToken.None);
        var replaced = await store.ReplaceMembersAsync(Platform.Teams, Team, [Amira()], before.Change, bot.Clock.GetUtcNow(), CancellationToken.None);

        Assert.False(replaced);
        Assert.Null(await store.FindByEmailAsync(Platform.Teams, "amira@hra.org", CancellationToken.None));
        Assert.True(Assert.Single(await store.ActivePlacesAsync(Platform.Teams, CancellationToken.None)).Changed);
    }

    [Fact]
    public async Task ConcurrentChange_LosingWriterGetsAConflict_LaterWritesStillGoThrough()
    {
        await using var bot = await TestBot.StartAsync();
        var store = bot.Services.GetRequiredService<IRosterStore>();
        await store.AddPlaceAsync(Place(), CancellationToken.None);
        await using var scope = bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        var stale = await db.RosterPlaces.SingleAsync();

        await store.MarkChangedAsync(Platform.Teams, Team, CancellationToken.None);
        stale.Name = "Renamed";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

        // The conflict must release SQLite's write gate: the next write completes.
        await store.MarkChangedAsync(Platform.Teams, Team, new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
        Assert.Equal(3, Assert.Single(await store.ActivePlacesAsync(Platform.Teams, CancellationToken.None)).Change);
    }

    private static RosterPlace Place() => new(Platform.Teams, Team, "tenant-1", PlaceKind.Channel, "https://smba.example/teams/", "28:bot", "Rights Before Arms");

    private static RosterMember Amira() => new("29:amira", "aad-amira", "tenant-1", "Amira Haddad", "Amira@hra.org", "amira@hra.org", "user");

    private static RosterMember Guest() => new("29:olu", "aad-olu", "tenant-1", "Olu Ade", "olu@elsewhere.org", "olu_elsewhere.org#EXT#@coalition.onmicrosoft.com", "guest");
}
