using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Receiving;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CoalitionBot.Core.Tests.Receiving;

public sealed class AcknowledgementTests
{
    private static readonly AckDeadline ThreeSeconds = new(Platform.Slack, TimeSpan.FromSeconds(3));

    [Fact]
    public async Task AckAsync_Twice_Throws()
    {
        var ack = new Acknowledgement<string>(ThreeSeconds, "slash command", new FakeTimeProvider(), new FakeLogger());
        await ack.AckAsync("first");

        await Assert.ThrowsAsync<InvalidOperationException>(() => ack.AckAsync("second"));
        Assert.Equal("first", await ack.Acknowledged);
    }

    [Fact]
    public async Task AckAsync_AfterTheDeadline_LogsWarningWithTheElapsedTime()
    {
        var time = new FakeTimeProvider();
        var log = new FakeLogger();
        var ack = new Acknowledgement<string>(ThreeSeconds, "slash command", time, log);

        time.Advance(TimeSpan.FromSeconds(3.5));
        await ack.AckAsync("late");

        var line = Assert.Single(log.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("Slack slash command acknowledged after 3500 ms", line.Message, StringComparison.Ordinal);
        Assert.Contains("3000 ms deadline", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AckAsync_InTime_LogsNothing()
    {
        var time = new FakeTimeProvider();
        var log = new FakeLogger();
        var ack = new Acknowledgement<string>(ThreeSeconds, "event", time, log);

        time.Advance(TimeSpan.FromSeconds(2.9));
        await ack.AckAsync("ok");

        Assert.Empty(log.Collector.GetSnapshot());
        Assert.True(ack.IsAcknowledged);
    }

    [Fact]
    public void Remaining_CountsDownToZero()
    {
        var time = new FakeTimeProvider();
        var ack = new Acknowledgement<string>(ThreeSeconds, "event", time, new FakeLogger());

        time.Advance(TimeSpan.FromSeconds(1));
        var left = ack.Remaining;
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromSeconds(2), left);
        Assert.Equal(TimeSpan.Zero, ack.Remaining);
    }
}
