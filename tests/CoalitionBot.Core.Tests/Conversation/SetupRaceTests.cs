using CoalitionBot.Testing.Conversation;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CoalitionBot.Core.Tests.Conversation;

public sealed class SetupRaceTests
{
    [Fact]
    public async Task TwoPeopleRunningSetupAtOnce_CreateOneCoalition()
    {
        await using var bot = await TestBot.StartAsync();
        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => bot.Person($"Person {i}", $"p{i}@example.org").Says("setup Race")));
        Assert.Equal(1, await bot.QueryAsync(db => db.Coalitions.CountAsync()));
        Assert.Equal(1, await bot.QueryAsync(db => db.Contacts.CountAsync(c => c.IsCoordinator)));
        Assert.Single(replies, r => r.Text.Contains("you are its coordinator", StringComparison.Ordinal));
        Assert.All(replies.Where(r => !r.Text.Contains("you are its coordinator", StringComparison.Ordinal)),
            r => Assert.True(r.Text.Contains("already set up", StringComparison.Ordinal) || r.Text.Contains("at the same moment", StringComparison.Ordinal), r.Text));
    }
}
