using CoalitionBot.Core.Conversation;
using CoalitionBot.Testing.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Storage.Tests;

public sealed class InboundJournalTests
{
    [Fact]
    public async Task UnfinishedItems_ComeBackAfterFiveMinutes_FinishedOnesNever()
    {
        await using var bot = await TestBot.StartAsync();
        var journal = bot.Services.GetRequiredService<IInboundJournal>();
        await journal.RecordAsync(Platform.Slack, "Ev1", "{\"a\":1}", CancellationToken.None);
        await journal.RecordAsync(Platform.Slack, "Ev1", "{\"a\":1}", CancellationToken.None); // a redelivery: ignored
        await journal.RecordAsync(Platform.Slack, "Ev2", "{\"b\":2}", CancellationToken.None);
        await journal.RecordAsync(Platform.Teams, "Ev1", "{\"t\":1}", CancellationToken.None);
        await journal.CompleteAsync(Platform.Slack, "Ev2", CancellationToken.None);

        Assert.Empty(await journal.TakeUnfinishedAsync(Platform.Slack, bot.Clock.GetUtcNow() - TimeSpan.FromMinutes(5), 10, CancellationToken.None));
        bot.Clock.Advance(TimeSpan.FromMinutes(6));
        var taken = await journal.TakeUnfinishedAsync(Platform.Slack, bot.Clock.GetUtcNow() - TimeSpan.FromMinutes(5), 10, CancellationToken.None);
        var entry = Assert.Single(taken);
        Assert.Equal(("Ev1", "{\"a\":1}", 1), (entry.Key, entry.Payload, entry.Attempts));

        // Just tried: not handed out again until another five minutes pass; after five tries, never.
        Assert.Empty(await journal.TakeUnfinishedAsync(Platform.Slack, bot.Clock.GetUtcNow() - TimeSpan.FromMinutes(5), 10, CancellationToken.None));
        for (var i = 0; i < 6; i++)
        {
            bot.Clock.Advance(TimeSpan.FromMinutes(6));
            await journal.TakeUnfinishedAsync(Platform.Slack, bot.Clock.GetUtcNow() - TimeSpan.FromMinutes(5), 10, CancellationToken.None);
        }

        bot.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Empty(await journal.TakeUnfinishedAsync(Platform.Slack, bot.Clock.GetUtcNow() - TimeSpan.FromMinutes(5), 10, CancellationToken.None));
        Assert.Single(await journal.TakeUnfinishedAsync(Platform.Teams, bot.Clock.GetUtcNow() - TimeSpan.FromMinutes(5), 10, CancellationToken.None));
    }
}
