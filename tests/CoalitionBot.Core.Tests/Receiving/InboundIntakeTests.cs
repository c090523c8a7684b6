using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Receiving;
using CoalitionBot.Testing.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Core.Tests.Receiving;

public sealed class InboundIntakeTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AcceptAsync_Handled_JournalCompletedBeforeTheFollowUpRuns()
    {
        await using var bot = await TestBot.StartAsync();
        var journal = bot.Services.GetRequiredService<IInboundJournal>();
        await using var kit = await ReceiverKit.StartAsync(bot.Clock, journal);
        var followedUp = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var outcome = await kit.Intake.AcceptAsync(Key("m1"), Hour, "{\"m\":1}", _ => Task.FromResult<Func<CancellationToken, Task>?>(async ct =>
        {
            bot.Clock.Advance(TimeSpan.FromMinutes(6));
            followedUp.SetResult((await journal.TakeUnfinishedAsync(Platform.Email, bot.Clock.GetUtcNow() - TimeSpan.FromMinutes(5), 10, ct)).Count);
        }), CancellationToken.None);

        Assert.Equal(IntakeOutcome.Accepted, outcome);
        Assert.Equal(0, await followedUp.Task.WaitAsync(Wait));
    }

    [Fact]
    public async Task AcceptAsync_SameDeliveryTwice_SecondIsDuplicateAndNotHandled()
    {
        await using var bot = await TestBot.StartAsync();
        await using var kit = await ReceiverKit.StartAsync(bot.Clock, bot.Services.GetRequiredService<IInboundJournal>());
        var handled = 0;
        HandleDelivery handle = _ =>
        {
            Interlocked.Increment(ref handled);
            return Task.FromResult<Func<CancellationToken, Task>?>(null);
        };

        var first = await kit.Intake.AcceptAsync(Key("m2"), Hour, "{}", handle, CancellationToken.None);
        var second = await kit.Intake.AcceptAsync(Key("m2"), Hour, "{}", handle, CancellationToken.None);

        Assert.Equal((IntakeOutcome.Accepted, IntakeOutcome.Duplicate), (first, second));
    }

    [Fact]
    public async Task AcceptAsync_JournalUnreachable_BusyAndTheRedeliveryIsNotADuplicate()
    {
        await using var bot = await TestBot.StartAsync();
        await using var kit = await ReceiverKit.StartAsync(bot.Clock, new UnreachableJournal());
        HandleDelivery handle = _ => Task.FromResult<Func<CancellationToken, Task>?>(null);

        var first = await kit.Intake.AcceptAsync(Key("m3"), Hour, "{}", handle, CancellationToken.None);
        var redelivered = await kit.Intake.AcceptAsync(Key("m3"), Hour, "{}", handle, CancellationToken.None);

        Assert.Equal((IntakeOutcome.Busy, IntakeOutcome.Busy), (first, redelivered));
    }

    [Fact]
    public async Task RecoverAsync_HandlingFailed_ReplayedFromTheJournalAfterFiveMinutes()
    {
        await using var bot = await TestBot.StartAsync();
        var replay = new RecordingReplay();
        await using var kit = await ReceiverKit.StartAsync(bot.Clock, bot.Services.GetRequiredService<IInboundJournal>(), replay);
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await kit.Intake.AcceptAsync(Key("m4"), Hour, "{\"m\":4}", _ =>
        {
            failed.SetResult();
            throw new InvalidOperationException("the process died here");
        }, CancellationToken.None);
        await failed.Task.WaitAsync(Wait);

        bot.Clock.Advance(TimeSpan.FromMinutes(6));
        var queued = await kit.Recovery.RecoverAsync(CancellationToken.None);

        Assert.Equal(1, queued);
        Assert.Equal("m4 {\"m\":4}", await replay.Replayed.Task.WaitAsync(Wait));
    }

    private static DeliveryKey Key(string id) => new(Platform.Email, id);

    private sealed class RecordingReplay : IJournalReplay
    {
        public TaskCompletionSource<string> Replayed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Platform Platform => Platform.Email;

        public HandleDelivery? Replay(JournalEntry entry) => _ =>
        {
            Replayed.SetResult($"{entry.Key} {entry.Payload}");
            return Task.FromResult<Func<CancellationToken, Task>?>(null);
        };
    }

    private sealed class UnreachableJournal : IInboundJournal
    {
        public Task RecordAsync(Platform platform, string key, string payload, CancellationToken cancellationToken) =>
            throw new TimeoutException("the database is down");

        public Task CompleteAsync(Platform platform, string key, CancellationToken cancellationToken) =>
            throw new TimeoutException("the database is down");

        public Task<IReadOnlyList<JournalEntry>> TakeUnfinishedAsync(Platform platform, DateTimeOffset receivedBefore, int max, CancellationToken cancellationToken) =>
            throw new TimeoutException("the database is down");
    }
}
