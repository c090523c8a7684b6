using CoalitionBot.Core.Outbox.Budget;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CoalitionBot.Core.Tests.Budget;

public sealed class LocalSendBudgetTests
{
    private static readonly SendBudgetKey ThreeAMinute = new("slack:T1:chat.postMessage", 3, TimeSpan.FromMinutes(1));

    [Fact]
    public async Task ReserveAsync_WithinLimit_GrantedNowInDistinctSlots()
    {
        var clock = new FakeTimeProvider();
        var budget = new LocalSendBudget(clock);

        var granted = new List<SendReservation>();
        for (var i = 0; i < 3; i++)
        {
            granted.Add(await budget.ReserveAsync(ThreeAMinute, TimeSpan.Zero, CancellationToken.None));
        }

        Assert.All(granted, r => Assert.True(r.Granted));
        Assert.All(granted, r => Assert.Equal(clock.GetUtcNow(), r.At));
        Assert.Equal(3, granted.Select(r => r.Slot).Distinct().Count());
    }

    [Fact]
    public async Task ReserveAsync_WindowFull_RefusedUntilTheOldestCallLeavesTheWindow()
    {
        var clock = new FakeTimeProvider();
        var budget = new LocalSendBudget(clock);
        for (var i = 0; i < 3; i++)
        {
            await budget.ReserveAsync(ThreeAMinute, TimeSpan.Zero, CancellationToken.None);
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        var refused = await budget.ReserveAsync(ThreeAMinute, TimeSpan.FromSeconds(20), CancellationToken.None);
        var waited = await budget.ReserveAsync(ThreeAMinute, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(30), refused.RefusedFor); // the first call (at 0 s) leaves the window at 60 s; it is 30 s now
        Assert.True(waited.Granted);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(30), waited.At);
    }

    [Fact]
    public async Task AnsweredAsync_AnswerLaterThanReserved_WindowCountsFromTheAnswer()
    {
        var clock = new FakeTimeProvider();
        var budget = new LocalSendBudget(clock);
        var first = await budget.ReserveAsync(ThreeAMinute with { Limit = 1 }, TimeSpan.Zero, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(5)); // the platform answered 5 s later: it may have counted the call then

        await budget.AnsweredAsync(first, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(55));
        var next = await budget.ReserveAsync(ThreeAMinute with { Limit = 1 }, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(5), next.RefusedFor);
    }

    [Fact]
    public async Task ReserveAsync_OtherBudget_NotCounted()
    {
        var clock = new FakeTimeProvider();
        var budget = new LocalSendBudget(clock);
        await budget.ReserveAsync(ThreeAMinute with { Limit = 1 }, TimeSpan.Zero, CancellationToken.None);

        var other = await budget.ReserveAsync(ThreeAMinute with { Name = "slack:T2:chat.postMessage", Limit = 1 }, TimeSpan.Zero, CancellationToken.None);

        Assert.True(other.Granted);
    }
}
