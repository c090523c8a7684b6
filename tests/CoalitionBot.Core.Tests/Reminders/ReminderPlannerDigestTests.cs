using CoalitionBot.Core.Reminders;
using Xunit;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Core.Tests.Reminders;

public sealed class ReminderPlannerDigestTests
{
    private static readonly TimeOnly Nine = new(9, 0);

    [Theory]
    [InlineData("2026-10-23T06:00Z", "2026-10-23T07:00Z")] // Fri 08:00 CEST → 09:00 CEST today
    [InlineData("2026-10-24T08:00Z", "2026-10-25T08:00Z")] // Sat 10:00 CEST → Sun 09:00 CET
    [InlineData("2026-10-25T08:00Z", "2026-10-26T08:00Z")] // exactly at a digest → the next day's
    public void NextDigest_BerlinAroundFallBack_NineLocal(string now, string expected)
    {
        Assert.Equal(Utc.At(expected), ReminderPlanner.NextDigest(Nine, "Europe/Berlin", Utc.At(now)));
    }

    [Fact]
    public void NextDigest_DailyLoopAcrossUsFallBack_StaysAtNineLocal()
    {
        // 09:00 EDT = 13:00Z until Sat 10-31; 09:00 EST = 14:00Z from Sun 11-01.
        var time = new FakeTimeProvider(Utc.At("2026-10-29T20:00Z"));
        var sent = new List<DateTimeOffset>();

        for (var day = 0; day < 5; day++)
        {
            var next = ReminderPlanner.NextDigest(Nine, "America/New_York", time.GetUtcNow());
            time.Advance(next - time.GetUtcNow());
            sent.Add(time.GetUtcNow());
        }

        Assert.Equal(
            [
                Utc.At("2026-10-30T13:00Z"),
                Utc.At("2026-10-31T13:00Z"),
                Utc.At("2026-11-01T14:00Z"),
                Utc.At("2026-11-02T14:00Z"),
                Utc.At("2026-11-03T14:00Z"),
            ],
            sent);
    }

    [Fact]
    public void NextDigest_SydneySpringForward_OneHourEarlierInUtc()
    {
        // Sydney goes AEST (+10) → AEDT (+11) on Sun 2026-10-04 at 02:00 local.
        // Sat 10-03 09:00 AEST = 10-02T23:00Z; Sun 10-04 09:00 AEDT = 10-03T22:00Z.
        Assert.Equal(Utc.At("2026-10-02T23:00Z"), ReminderPlanner.NextDigest(Nine, "Australia/Sydney", Utc.At("2026-10-02T12:00Z")));
        Assert.Equal(Utc.At("2026-10-03T22:00Z"), ReminderPlanner.NextDigest(Nine, "Australia/Sydney", Utc.At("2026-10-02T23:00Z")));
    }

    [Fact]
    public void NextDigest_TimeSkippedBySpringForward_AtTheJumpThenNormal()
    {
        // Berlin, Sun 2026-03-29: 02:30 does not exist; clocks jump at 01:00Z (to 03:00 CEST).
        var halfPastTwo = new TimeOnly(2, 30);

        var sunday = ReminderPlanner.NextDigest(halfPastTwo, "Europe/Berlin", Utc.At("2026-03-28T12:00Z"));
        var monday = ReminderPlanner.NextDigest(halfPastTwo, "Europe/Berlin", sunday);

        Assert.Equal(Utc.At("2026-03-29T01:00Z"), sunday);
        Assert.Equal(Utc.At("2026-03-30T00:30Z"), monday); // 02:30 CEST
    }

    [Fact]
    public void NextDigest_TimeRepeatedByFallBack_OnlyOnceThatDay()
    {
        // New York, Sun 2026-11-01: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
        var halfPastOne = new TimeOnly(1, 30);

        var first = ReminderPlanner.NextDigest(halfPastOne, "America/New_York", Utc.At("2026-10-31T12:00Z"));
        var after = ReminderPlanner.NextDigest(halfPastOne, "America/New_York", first);

        Assert.Equal(Utc.At("2026-11-01T05:30Z"), first);
        Assert.Equal(Utc.At("2026-11-02T06:30Z"), after);
    }
}
