using CoalitionBot.Core.Conversation;
using CoalitionBot.Testing.Conversation;
using CoalitionBot.Testing.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace CoalitionBot.Storage.Tests;

public sealed class InboundJournalTests(ITestOutputHelper output)
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

    [Fact]
    public async Task ConcurrentRecordsAndRepeats_GroupCommitted_EachKeyOnce_AndCompletionsKept()
    {
        await using var bot = await TestBot.StartAsync();
        await GroupCommitsEachKeyOnceAsync(bot);
    }

    [SkippableFact]
    public async Task ConcurrentRecordsAndRepeats_OnPostgres_GroupCommitted_EachKeyOnce_AndCompletionsKept()
    {
        var postgres = await Requirement.PostgresAsync(output);
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await TestBot.StartAsync(settings: new() { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = database });
        await GroupCommitsEachKeyOnceAsync(bot);
    }

    private static async Task GroupCommitsEachKeyOnceAsync(TestBot bot)
    {
        var journal = bot.Services.GetRequiredService<IInboundJournal>();

        // 300 callers at once, every key twice (a platform's retry racing its first delivery): one writer, few transactions.
        await Task.WhenAll(Enumerable.Range(0, 600).Select(i => Task.Run(() => journal.RecordAsync(Platform.Web, $"k{i % 300}", $"{{\"i\":{i % 300}}}", CancellationToken.None))));
        await Task.WhenAll(Enumerable.Range(0, 150).Select(i => Task.Run(() => journal.CompleteAsync(Platform.Web, $"k{i}", CancellationToken.None))));

        bot.Clock.Advance(TimeSpan.FromMinutes(6));
        var unfinished = await journal.TakeUnfinishedAsync(Platform.Web, bot.Clock.GetUtcNow() - TimeSpan.FromMinutes(5), 1000, CancellationToken.None);
        Assert.Equal(Enumerable.Range(150, 150).Select(i => $"k{i}").Order(StringComparer.Ordinal), unfinished.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.All(unfinished, e => Assert.Equal($"{{\"i\":{e.Key[1..]}}}", e.Payload));
    }
}
