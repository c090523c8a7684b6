namespace CoalitionBot.Core.Reminders;

/// <summary>Pure scheduling of reminders, snoozes and digests in each recipient's own time zone.</summary>
public static class ReminderPlanner
{
    /// <summary>
    /// The reminders a recipient who has not answered should get before <paramref name="deadlineUtc"/>:
    /// each nominal time moved out of quiet hours (later, or earlier when later would reach the deadline),
    /// none before <paramref name="nowUtc"/>, none at or after the deadline, no two at the same instant, in order.
    /// </summary>
    public static IReadOnlyList<PlannedReminder> Plan(
        DateTimeOffset deadlineUtc, ReminderPolicy policy, string recipientTimeZone, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var zone = ZoneClock.Find(recipientTimeZone);
        if (policy.Offsets.Any(offset => offset <= TimeSpan.Zero))
        {
            throw new ArgumentException("Reminder offsets must be positive.", nameof(policy));
        }

        var offsets = policy.Offsets.Distinct().OrderDescending().ToArray();
        var planned = new List<PlannedReminder>(offsets.Length);
        for (var index = 0; index < offsets.Length; index++)
        {
            var due = DueTime(deadlineUtc - offsets[index], policy.QuietHours, zone, deadlineUtc, nowUtc);
            if (due is { } dueUtc && planned.TrueForAll(other => other.DueUtc != dueUtc))
            {
                planned.Add(new PlannedReminder(index, dueUtc, offsets[index]));
            }
        }

        return planned.OrderBy(reminder => reminder.DueUtc).ThenBy(reminder => reminder.Index).ToArray();
    }

    /// <summary>
    /// "Remind me tomorrow": the same local time on the next day, moved out of quiet hours;
    /// null when that is at or after the deadline.
    /// </summary>
    public static DateTimeOffset? Snooze(
        DateTimeOffset nowUtc, string recipientTimeZone, QuietHours quietHours, DateTimeOffset deadlineUtc)
    {
        ArgumentNullException.ThrowIfNull(quietHours);
        var zone = ZoneClock.Find(recipientTimeZone);
        var tomorrow = ZoneClock.Earliest(ZoneClock.ToLocal(nowUtc, zone).AddDays(1), zone);
        var due = quietHours.NextAllowed(tomorrow, zone);
        return due >= deadlineUtc.ToUniversalTime() ? null : due;
    }

    /// <summary>
    /// The next instant strictly after <paramref name="nowUtc"/> at which the wall clock in
    /// <paramref name="timeZone"/> shows <paramref name="localTimeOfDay"/>: once a day, on the first
    /// occurrence when clocks fall back, and when clocks spring forward over it, at the jump.
    /// </summary>
    public static DateTimeOffset NextDigest(TimeOnly localTimeOfDay, string timeZone, DateTimeOffset nowUtc)
    {
        var zone = ZoneClock.Find(timeZone);
        nowUtc = nowUtc.ToUniversalTime();
        var today = ZoneClock.ToLocal(nowUtc, zone).Date;
        for (var day = today.AddDays(-1); ; day = day.AddDays(1))
        {
            var candidate = ZoneClock.Earliest(day + localTimeOfDay.ToTimeSpan(), zone);
            if (candidate > nowUtc)
            {
                return candidate;
            }
        }
    }

    private static DateTimeOffset? DueTime(
        DateTimeOffset nominal, QuietHours quietHours, TimeZoneInfo zone, DateTimeOffset deadline, DateTimeOffset now)
    {
        var due = quietHours.NextAllowed(nominal, zone);
        if (due >= deadline)
        {
            // Later would miss the deadline; the latest allowed time before the nominal one still helps.
            due = quietHours.LatestAllowedAtOrBefore(nominal, zone);
        }

        return due >= now && due < deadline ? due : null;
    }
}
