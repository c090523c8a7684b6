using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Receiving;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CoalitionBot.Core.Tests.Receiving;

public sealed class RecentDeliveriesTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void TryClaim_RepeatWithinWindow_False()
    {
        var recent = new RecentDeliveries(new FakeTimeProvider());

        Assert.True(recent.TryClaim(new DeliveryKey(Platform.Slack, "Ev1"), Hour));
        Assert.False(recent.TryClaim(new DeliveryKey(Platform.Slack, "Ev1"), Hour));
    }

    [Fact]
    public void TryClaim_AfterTheWindow_TrueAgain()
    {
        var time = new FakeTimeProvider();
        var recent = new RecentDeliveries(time);
        recent.TryClaim(new DeliveryKey(Platform.Teams, "a1"), Hour);

        time.Advance(Hour + TimeSpan.FromSeconds(1));

        Assert.True(recent.TryClaim(new DeliveryKey(Platform.Teams, "a1"), Hour));
    }

    [Fact]
    public void TryClaim_SameIdOnAnotherPlatform_IsAnotherDelivery()
    {
        var recent = new RecentDeliveries(new FakeTimeProvider());
        recent.TryClaim(new DeliveryKey(Platform.Slack, "1"), Hour);

        Assert.True(recent.TryClaim(new DeliveryKey(Platform.Email, "1"), Hour));
    }

    [Fact]
    public void Release_ThenRedelivered_ClaimedAgain()
    {
        var recent = new RecentDeliveries(new FakeTimeProvider());
        var key = new DeliveryKey(Platform.Slack, "Ev2");
        recent.TryClaim(key, Hour);

        recent.Release(key);

        Assert.True(recent.TryClaim(key, Hour));
    }
}
