using CoalitionBot.Core.Reminders;
using Xunit;

namespace CoalitionBot.Core.Tests.Reminders;

public sealed class QuietHoursTests
{
    private const string NewYork = "America/New_York";
    private const string Berlin = "Europe/Berlin";
    private const string Tokyo = "Asia/Tokyo";

    // New York is on EST (UTC-5) from 2026-11-01 06:00Z; 2026-11-03 is a Tuesday.
    [Theory]
    [InlineData("2026-11-04T04:30Z", "2026-11-04T13:00Z")] // Tue 23:30 → Wed 08:00 EST
    [InlineData("2026-11-04T05:30Z", "2026-11-04T13:00Z")] // Wed 00:30, past midnight, still quiet
    [InlineData("2026-11-03T12:59Z", "2026-11-03T13:00Z")] // Tue 07:59 → 08:00
    [InlineData("2026-11-03T13:00Z", "2026-11-03T13:00Z")] // Tue 08:00: quiet has ended
    [InlineData("2026-11-04T00:59Z", "2026-11-04T00:59Z")] // Tue 19:59: not yet quiet
    [InlineData("2026-11-04T01:00Z", "2026-11-04T13:00Z")] // Tue 20:00: quiet begins
    public void NextAllowed_WindowWrapsMidnight_MovesToEightNextMorning(string instant, string expected)
    {
        var next = QuietHours.Default.NextAllowed(Utc.At(instant), NewYork);

        Assert.Equal(Utc.At(expected), next);
    }

    [Fact]
    public void NextAllowed_FridayEvening_MovesToMondayMorning()
    {
        // Fri 2026-11-06 21:00 EST = 2026-11-07T02:00Z; Mon 2026-11-09 08:00 EST = 13:00Z.
        var next = QuietHours.Default.NextAllowed(Utc.At("2026-11-07T02:00Z"), NewYork);

        Assert.Equal(Utc.At("2026-11-09T13:00Z"), next);
    }

    [Fact]
    public void NextAllowed_SaturdayNoon_MovesToMondayMorning()
    {
        // Sat 2026-11-07 12:00 EST = 17:00Z.
        var next = QuietHours.Default.NextAllowed(Utc.At("2026-11-07T17:00Z"), NewYork);

        Assert.Equal(Utc.At("2026-11-09T13:00Z"), next);
    }

    [Fact]
    public void NextAllowed_WeekendsNotQuiet_MovesToSaturdayMorning()
    {
        var quiet = QuietHours.Default with { WeekendsQuiet = false };

        // Fri 21:00 EST → Sat 2026-11-07 08:00 EST = 13:00Z.
        var next = quiet.NextAllowed(Utc.At("2026-11-07T02:00Z"), NewYork);

        Assert.Equal(Utc.At("2026-11-07T13:00Z"), next);
    }

    [Theory]
    [InlineData("2026-11-04T03:30Z", "2026-11-04T04:00Z")] // Wed 12:30 JST → 13:00 JST
    [InlineData("2026-11-04T02:59Z", "2026-11-04T02:59Z")] // Wed 11:59 JST: before the window
    [InlineData("2026-11-04T04:00Z", "2026-11-04T04:00Z")] // Wed 13:00 JST: the window has ended
    public void NextAllowed_WindowWithinOneDay_MovesToItsEnd(string instant, string expected)
    {
        var lunch = new QuietHours { Start = new TimeOnly(12, 0), End = new TimeOnly(13, 0), WeekendsQuiet = false };

        Assert.Equal(Utc.At(expected), lunch.NextAllowed(Utc.At(instant), Tokyo));
    }

    [Fact]
    public void NextAllowed_OnlyWeekendsQuiet_MovesToMondayMidnight()
    {
        var weekends = QuietHours.None with { WeekendsQuiet = true };

        // Sat 2026-11-07 10:00 JST = 01:00Z → Mon 2026-11-09 00:00 JST = 2026-11-08T15:00Z.
        var next = weekends.NextAllowed(Utc.At("2026-11-07T01:00Z"), Tokyo);

        Assert.Equal(Utc.At("2026-11-08T15:00Z"), next);
    }

    [Fact]
    public void NextAllowed_None_NeverMoves()
    {
        var instant = Utc.At("2026-11-07T03:00Z");

        Assert.Equal(instant, QuietHours.None.NextAllowed(instant, NewYork));
    }

    [Fact]
    public void NextAllowed_EndFallsInSpringForwardGap_MovesToTheJump()
    {
        // Berlin, Sun 2026-03-29: at 01:00Z clocks go 02:00 CET → 03:00 CEST, so 02:30 never happens.
        // 00:30Z is 01:30 CET, quiet; the first wall time at or after 02:30 is 03:00 CEST = 01:00Z.
        var quiet = new QuietHours { Start = new TimeOnly(20, 0), End = new TimeOnly(2, 30), WeekendsQuiet = false };

        var next = quiet.NextAllowed(Utc.At("2026-03-29T00:30Z"), Berlin);

        Assert.Equal(Utc.At("2026-03-29T01:00Z"), next);
    }

    [Theory]
    // New York, Sun 2026-11-01: at 06:00Z clocks go 02:00 EDT → 01:00 EST, so 01:00–02:00 happens twice.
    [InlineData("2026-11-01T05:10Z", "2026-11-01T05:30Z")] // 01:10 EDT → 01:30 EDT
    [InlineData("2026-11-01T05:45Z", "2026-11-01T05:45Z")] // 01:45 EDT is allowed
    [InlineData("2026-11-01T06:10Z", "2026-11-01T06:30Z")] // 01:10 EST, the wall clock is quiet again → 01:30 EST
    public void NextAllowed_EndFallsInFallBackOverlap_FollowsTheWallClock(string instant, string expected)
    {
        var quiet = new QuietHours { Start = new TimeOnly(20, 0), End = new TimeOnly(1, 30), WeekendsQuiet = false };

        Assert.Equal(Utc.At(expected), quiet.NextAllowed(Utc.At(instant), NewYork));
    }

    [Fact]
    public void LatestAllowedAtOrBefore_LateEvening_IsAMinuteBeforeQuietBegan()
    {
        // Tue 2026-11-03 23:30 EST = 2026-11-04T04:30Z → Tue 19:59 EST = 2026-11-04T00:59Z.
        var latest = QuietHours.Default.LatestAllowedAtOrBefore(Utc.At("2026-11-04T04:30Z"), NewYork);

        Assert.Equal(Utc.At("2026-11-04T00:59Z"), latest);
    }

    [Fact]
    public void LatestAllowedAtOrBefore_MondayDawn_IsFridayEvening()
    {
        // Mon 2026-11-09 07:00 EST = 12:00Z → Fri 2026-11-06 19:59 EST = 2026-11-07T00:59Z.
        var latest = QuietHours.Default.LatestAllowedAtOrBefore(Utc.At("2026-11-09T12:00Z"), NewYork);

        Assert.Equal(Utc.At("2026-11-07T00:59Z"), latest);
    }

    [Fact]
    public void IsQuiet_Default_SaturdayAfternoonQuietTuesdayAfternoonNot()
    {
        Assert.True(QuietHours.Default.IsQuiet(Utc.At("2026-11-07T19:00Z"), NewYork));
        Assert.False(QuietHours.Default.IsQuiet(Utc.At("2026-11-03T19:00Z"), NewYork));
    }

    [Fact]
    public void NextAllowed_UnknownTimeZone_Throws()
    {
        Assert.Throws<TimeZoneNotFoundException>(() => QuietHours.Default.NextAllowed(Utc.At("2026-11-03T19:00Z"), "Mars/Olympus_Mons"));
    }
}
