using CoalitionBot.Core.Reminders;
using Xunit;

namespace CoalitionBot.Core.Tests.Reminders;

public sealed class ReminderPlannerSnoozeTests
{
    private const string NewYork = "America/New_York";
    private static readonly DateTimeOffset FarDeadline = Utc.At("2026-12-01T17:00Z");

    [Fact]
    public void Snooze_TuesdayMorning_SameTimeWednesday()
    {
        // Tue 2026-11-03 10:00 EST = 15:00Z → Wed 10:00 EST.
        var due = ReminderPlanner.Snooze(Utc.At("2026-11-03T15:00Z"), NewYork, QuietHours.Default, FarDeadline);

        Assert.Equal(Utc.At("2026-11-04T15:00Z"), due);
    }

    [Fact]
    public void Snooze_FridayAfternoon_MondayMorningAfterClocksFallBack()
    {
        // Fri 2026-10-30 13:05 EDT = 17:05Z → Sat (weekend) → Mon 11-02 08:00 EST = 13:00Z.
        var due = ReminderPlanner.Snooze(Utc.At("2026-10-30T17:05Z"), NewYork, QuietHours.Default, FarDeadline);

        Assert.Equal(Utc.At("2026-11-02T13:00Z"), due);
    }

    [Fact]
    public void Snooze_AcrossFallBack_KeepsWallClockSo25HoursLater()
    {
        // Sat 10-31 10:00 EDT = 14:00Z → Sun 11-01 10:00 EST = 15:00Z.
        var quiet = QuietHours.Default with { WeekendsQuiet = false };

        var due = ReminderPlanner.Snooze(Utc.At("2026-10-31T14:00Z"), NewYork, quiet, FarDeadline);

        Assert.Equal(Utc.At("2026-11-01T15:00Z"), due);
    }

    [Fact]
    public void Snooze_LateEvening_NextAllowedMorningAfterTomorrow()
    {
        // Tue 11-03 22:00 EST = 11-04T03:00Z → Wed 22:00 (quiet) → Thu 11-05 08:00 EST = 13:00Z.
        var due = ReminderPlanner.Snooze(Utc.At("2026-11-04T03:00Z"), NewYork, QuietHours.Default, FarDeadline);

        Assert.Equal(Utc.At("2026-11-05T13:00Z"), due);
    }

    [Fact]
    public void Snooze_TomorrowIsTheDeadline_Null()
    {
        var due = ReminderPlanner.Snooze(Utc.At("2026-11-03T15:00Z"), NewYork, QuietHours.Default, Utc.At("2026-11-04T15:00Z"));

        Assert.Null(due);
    }

    [Fact]
    public void Snooze_TomorrowJustBeforeTheDeadline_Allowed()
    {
        var due = ReminderPlanner.Snooze(Utc.At("2026-11-03T15:00Z"), NewYork, QuietHours.Default, Utc.At("2026-11-04T15:00:01Z"));

        Assert.Equal(Utc.At("2026-11-04T15:00Z"), due);
    }

    [Fact]
    public void Snooze_TomorrowsTimeSkippedBySpringForward_AtTheJump()
    {
        // Berlin: Sat 2026-03-28 02:30 CET = 01:30Z; Sun 02:30 does not exist; clocks jump at 01:00Z.
        var due = ReminderPlanner.Snooze(Utc.At("2026-03-28T01:30Z"), "Europe/Berlin", QuietHours.None, FarDeadline);

        Assert.Equal(Utc.At("2026-03-29T01:00Z"), due);
    }
}
