using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Reach;
using CoalitionBot.Slack.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Slack.Tests.Reach;

public sealed class SlackContactFinderTests
{
    [Fact]
    public async Task FindByEmail_MemberGuestAndConnectMember_AllFound()
    {
        await using var host = await SlackTestHost.StartAsync();
        var member = host.Slack.AddUser("Amira Haddad", "amira@hra.example");
        var guest = host.Slack.AddGuest("Gale Guest", "gale@partner.example");
        var connect = host.Slack.AddConnectMember("Cody Connect", "cody@other.example", "T0OTHER");

        var found = await Task.WhenAll(new[] { "AMIRA@hra.example", "gale@partner.example", "cody@other.example" }
            .Select(e => Finder(host).FindByEmailAsync(e, CancellationToken.None)));

        Assert.Equal([member.Id, guest.Id, connect.Id], found.Select(f => f!.UserId));
        Assert.Equal("T0OTHER", found[2]!.TenantId);
        Assert.Equal("T0SIM", found[0]!.TenantId);
    }

    [Fact]
    public async Task FindByEmail_UnknownAndDeactivated_MissesAndCachesTheMiss()
    {
        await using var host = await SlackTestHost.StartAsync();
        var gone = host.Slack.AddUser("Gone Person", "gone@hra.example");
        host.Slack.Deactivate(gone.Id);
        var finder = Finder(host);

        Assert.Null(await finder.FindByEmailAsync("nobody@nowhere.example", CancellationToken.None));
        Assert.Null(await finder.FindByEmailAsync("gone@hra.example", CancellationToken.None));
        Assert.Null(await finder.FindByEmailAsync("nobody@nowhere.example", CancellationToken.None));

        Assert.Equal(2, host.Slack.CountCalls("users.lookupByEmail"));
        Assert.Contains(host.Slack.Calls, c => c.Method == "users.lookupByEmail" && c.Error == "users_not_found");
    }

    [Fact]
    public async Task FindByEmail_MissExpires_AsksSlackAgainAndFindsTheNewMember()
    {
        await using var host = await SlackTestHost.StartAsync();
        var finder = Finder(host);
        Assert.Null(await finder.FindByEmailAsync("late@hra.example", CancellationToken.None));
        var late = host.Slack.AddUser("Late Joiner", "late@hra.example");

        var cached = await finder.FindByEmailAsync("late@hra.example", CancellationToken.None);
        host.Time.Advance(TimeSpan.FromHours(7));
        var fresh = await finder.FindByEmailAsync("late@hra.example", CancellationToken.None);

        Assert.Null(cached);
        Assert.Equal(late.Id, fresh!.UserId);
    }

    [Fact]
    public async Task FindByEmail_Tier3LimitReached_DefersWithRetryAfterWithoutCachingAndAsksAgainAfterIt()
    {
        await using var host = await SlackTestHost.StartAsync(configure: s => s["Slack:LookupsPerMinute"] = "1000");
        host.Slack.UseTier3LookupLimit();
        var people = Enumerable.Range(0, 51).Select(i => host.Slack.AddUser($"P{i}", $"p{i}@hra.example")).ToList();
        var finder = Finder(host);

        var answers = new List<FoundIdentity?>();
        foreach (var person in people.Take(50))
        {
            answers.Add(await finder.FindByEmailAsync(person.Email!, CancellationToken.None));
        }

        // The 51st is neither found nor missing: the finder says when to ask again, and nobody falls to e-mail meanwhile.
        var deferred = await Assert.ThrowsAsync<ContactLookupDeferredException>(() => finder.FindByEmailAsync(people[50].Email!, CancellationToken.None));
        Assert.Equal(50, answers.Count(a => a is not null));
        Assert.Contains(host.Slack.Calls, c => c.Method == "users.lookupByEmail" && c.Status == 429);
        Assert.InRange(deferred.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var calls = host.Slack.CountCalls("users.lookupByEmail");
        await Assert.ThrowsAsync<ContactLookupDeferredException>(() => finder.FindByEmailAsync(people[50].Email!, CancellationToken.None));
        Assert.Equal(calls, host.Slack.CountCalls("users.lookupByEmail")); // not asked again before Retry-After
        host.Time.Advance(TimeSpan.FromMinutes(1.1));
        Assert.Equal(people[50].Id, (await finder.FindByEmailAsync(people[50].Email!, CancellationToken.None))!.UserId);
    }

    [Fact]
    public async Task FindByEmail_WithoutUsersReadEmailScope_Misses()
    {
        await using var host = await SlackTestHost.StartAsync(arrange: s => s.Scopes.Remove("users:read.email"));
        host.Slack.AddUser("Amira Haddad", "amira@hra.example");

        Assert.Null(await Finder(host).FindByEmailAsync("amira@hra.example", CancellationToken.None));
        Assert.Contains(host.Slack.Calls, c => c.Method == "users.lookupByEmail" && c.Error == "missing_scope");
    }

    private static IContactFinder Finder(SlackTestHost host) =>
        host.Services.GetServices<IContactFinder>().Single(f => f.Platform == Platform.Slack);
}
