using CoalitionBot.Core.Reminders;
using Xunit;

namespace CoalitionBot.Core.Tests.Reminders;

public sealed class ReminderPlannerPlanTests
{
    private const string NewYork = "America/New_York";

    // Mon 2026-11-02 12:00 EST.
    private static readonly DateTimeOffset MondayNoonEastern = Utc.At("2026-11-02T17:00Z");

    [Fact]
    public void Plan_NoQuietHours_DeadlineMinusEachOffset()
    {
        var policy = ReminderPolicy.Default with { QuietHours = QuietHours.None };

        var plan = ReminderPlanner.Plan(MondayNoonEastern, policy, NewYork, Utc.At("2026-10-23T14:00Z"));

        Assert.Equal(
            [
                new PlannedReminder(0, Utc.At("2026-10-30T17:00Z"), TimeSpan.FromDays(3)),
                new PlannedReminder(1, Utc.At("2026-11-01T17:00Z"), TimeSpan.FromDays(1)),
                new PlannedReminder(2, Utc.At("2026-11-02T14:00Z"), TimeSpan.FromHours(3)),
            ],
            plan);
    }

    [Fact]
    public void Plan_SundayReminder_MovesToMondayMorningAfterClocksFallBack()
    {
        // 1 day before is Sun 2026-11-01 12:00 EST (weekend) → Mon 08:00 EST = 13:00Z, not the 12:00Z
        // that the summer offset would give.
        var plan = ReminderPlanner.Plan(MondayNoonEastern, ReminderPolicy.Default, NewYork, Utc.At("2026-10-23T14:00Z"));

        Assert.Equal(
            [
                new PlannedReminder(0, Utc.At("2026-10-30T17:00Z"), TimeSpan.FromDays(3)),
                new PlannedReminder(1, Utc.At("2026-11-02T13:00Z"), TimeSpan.FromDays(1)),
                new PlannedReminder(2, Utc.At("2026-11-02T14:00Z"), TimeSpan.FromHours(3)),
            ],
            plan);
    }

    [Fact]
    public void Plan_SomeAlreadyPast_DropsThemAndKeepsIndexes()
    {
        var plan = ReminderPlanner.Plan(MondayNoonEastern, ReminderPolicy.Default, NewYork, Utc.At("2026-10-31T00:00Z"));

        Assert.Equal([1, 2], plan.Select(reminder => reminder.Index));
    }

    [Fact]
    public void Plan_ReminderDueExactlyNow_IsKept()
    {
        var plan = ReminderPlanner.Plan(MondayNoonEastern, ReminderPolicy.Default, NewYork, Utc.At("2026-10-30T17:00Z"));

        Assert.Equal(Utc.At("2026-10-30T17:00Z"), plan[0].DueUtc);
    }

    [Fact]
    public void Plan_DeadlineInsideQuietHours_MovesLateRemindersEarlierAndMergesThem()
    {
        // Deadline Mon 2026-11-09 07:00 EST = 12:00Z, before quiet ends.
        //  3 days: Fri 11-06 07:00 EST, quiet → Fri 08:00 EST = 13:00Z.
        //  1 day:  Sun 11-08 07:00 → Mon 08:00 would be after the deadline → latest allowed before it,
        //          Fri 19:59 EST = 2026-11-07T00:59Z.
        //  3 hours: Mon 04:00 → same Fri 19:59: merged into the 1-day reminder.
        var plan = ReminderPlanner.Plan(Utc.At("2026-11-09T12:00Z"), ReminderPolicy.Default, NewYork, Utc.At("2026-11-02T15:00Z"));

        Assert.Equal(
            [
                new PlannedReminder(0, Utc.At("2026-11-06T13:00Z"), TimeSpan.FromDays(3)),
                new PlannedReminder(1, Utc.At("2026-11-07T00:59Z"), TimeSpan.FromDays(1)),
            ],
            plan);
    }

    [Fact]
    public void Plan_NoAllowedTimeBeforeWeekendDeadline_PlansNothing()
    {
        // Now Fri 2026-11-06 21:00 EST (quiet), deadline Sun 11-08 12:00 EST: every allowed time left
        // is either before now or after the deadline.
        var plan = ReminderPlanner.Plan(Utc.At("2026-11-08T17:00Z"), ReminderPolicy.Default, NewYork, Utc.At("2026-11-07T02:00Z"));

        Assert.Empty(plan);
    }

    [Fact]
    public void Plan_DeadlinePassed_PlansNothing()
    {
        Assert.Empty(ReminderPlanner.Plan(MondayNoonEastern, ReminderPolicy.Default, NewYork, MondayNoonEastern));
    }

    [Fact]
    public void Plan_OffsetsUnorderedAndRepeated_SameAsOrdered()
    {
        var messy = ReminderPolicy.Default with { Offsets = [TimeSpan.FromHours(3), TimeSpan.FromDays(3), TimeSpan.FromDays(1), TimeSpan.FromHours(3)] };
        var now = Utc.At("2026-10-23T14:00Z");

        Assert.Equal(
            ReminderPlanner.Plan(MondayNoonEastern, ReminderPolicy.Default, NewYork, now),
            ReminderPlanner.Plan(MondayNoonEastern, messy, NewYork, now));
    }

    [Fact]
    public void Plan_TwoOffsetsLandOnSameInstant_KeepsTheEarlierIndexOnly()
    {
        // Deadline Tue 2026-11-03 12:00 EST = 17:00Z. 30 h and 28 h before are Mon 06:00 and 08:00 EST;
        // both become Mon 08:00 EST = 13:00Z.
        var policy = ReminderPolicy.Default with { Offsets = [TimeSpan.FromHours(30), TimeSpan.FromHours(28)] };

        var plan = ReminderPlanner.Plan(Utc.At("2026-11-03T17:00Z"), policy, NewYork, Utc.At("2026-10-23T14:00Z"));

        Assert.Equal([new PlannedReminder(0, Utc.At("2026-11-02T13:00Z"), TimeSpan.FromHours(30))], plan);
    }

    [Fact]
    public void Plan_NonPositiveOffset_Throws()
    {
        var policy = ReminderPolicy.Default with { Offsets = [TimeSpan.Zero] };

        Assert.Throws<ArgumentException>(() => ReminderPlanner.Plan(MondayNoonEastern, policy, NewYork, Utc.At("2026-10-23T14:00Z")));
    }

    [Fact]
    public void ReminderPolicy_SameOffsetsInNewList_AreEqual()
    {
        var copy = ReminderPolicy.Default with { Offsets = [TimeSpan.FromDays(3), TimeSpan.FromDays(1), TimeSpan.FromHours(3)] };

        Assert.Equal(ReminderPolicy.Default, copy);
        Assert.Equal(ReminderPolicy.Default.GetHashCode(), copy.GetHashCode());
    }
}
