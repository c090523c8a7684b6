using CoalitionBot.Slack.Api;
using CoalitionBot.Slack.Installations;
using CoalitionBot.Storage.Installations;
using CoalitionBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CoalitionBot.Tests.Slack;

/// <summary>
/// Token rotation with two instances on one database: Slack spends a refresh token once (the second use is
/// invalid_refresh_token) and the new token replaces the old at once, so only the instance holding the installation's
/// refresh lease refreshes; the other reads the token it stored.
/// </summary>
public sealed class TokenRefreshGuardTests : IDisposable
{
    private static readonly SimulatedUser Sam = new("UB1", "Sam Lee", "sam@gpn.org");
    private readonly string _folder = Directory.CreateTempSubdirectory("coalitionbot-rotation-").FullName;

    [Fact]
    public async Task Refresh_TwoInstancesOnOneDatabase_OnlyTheLeaseHolderRefreshes_TheOtherReadsTheNewToken()
    {
        var clock = new FakeTimeProvider(BotFactory.Start);
        var database = $"Data Source={Path.Combine(_folder, "shared.db")}";
        await using var first = await SlackHost.StartDistributedAsync(s => { s.TokenRotation = true; s.AddWorkspace("TB", "Global Peace Network", Sam); }, clock, database);
        await first.InstallAsync("TB", Sam.Id);
        await using var second = new BotFactory(SlackHost.DistributedSettings(first.Simulator, database), clock);
        var installed = first.Simulator.Workspaces["TB"].BotToken;
        Assert.Equal(installed, await TokenAsync(first.Factory));
        Assert.Equal(installed, await TokenAsync(second));
        clock.Advance(TimeSpan.FromHours(11.9)); // both instances now find the token due

        // The second instance is refreshing (it holds the lease): the first neither refreshes nor uses the old token.
        Assert.True(await StoreAsync(second, s => s.TryLeaseRefreshAsync("TB", clock.GetUtcNow(), clock.GetUtcNow() + TimeSpan.FromSeconds(30), default)));
        await Assert.ThrowsAsync<SlackTransientException>(() => TokenAsync(first.Factory));
        Assert.DoesNotContain(first.Simulator.Calls, IsRefresh);

        await StoreAsync(second, async s => { await s.ReleaseRefreshLeaseAsync("TB", default); return true; });
        var refreshed = await TokenAsync(second);

        Assert.NotEqual(installed, refreshed);
        Assert.Equal(first.Simulator.Workspaces["TB"].BotToken, refreshed);
        Assert.Equal(refreshed, await TokenAsync(first.Factory)); // the loser re-reads the winner's token
        Assert.Single(first.Simulator.Calls, IsRefresh);
        Assert.DoesNotContain(first.Simulator.Calls, c => c.Error is "invalid_refresh_token" or "token_expired");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static bool IsRefresh(SimulatedApiCall call) => call.Method == "oauth.v2.access" && (string?)call.Arguments["grant_type"] == "refresh_token";

    private static async Task<string> TokenAsync(BotFactory factory)
    {
        using var team = SlackTeamScope.Enter("TB");
        return await factory.Services.GetRequiredService<SlackTokenSource>().GetAsync(CancellationToken.None);
    }

    private static async Task<T> StoreAsync<T>(BotFactory factory, Func<SlackInstallationStore, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SlackInstallationStore>());
    }
}
