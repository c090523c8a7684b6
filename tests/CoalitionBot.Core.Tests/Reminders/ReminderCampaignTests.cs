using CoalitionBot.Core.Reminders;
using Xunit;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Core.Tests.Reminders;

/// <summary>
/// Ten days of one memo, five partner contacts on five continents, across the European (Sun 2026-10-25)
/// and US (Sun 2026-11-01) fall-back changes, driven by a fake clock the way the bot's worker would be.
/// </summary>
public sealed class ReminderCampaignTests
{
    // Circulated Fri 2026-10-23 14:00Z. Deadline Mon 2026-11-02 17:00Z = 12:00 EST in New York.
    private static readonly DateTimeOffset Circulated = Utc.At("2026-10-23T14:00Z");
    private static readonly DateTimeOffset Deadline = Utc.At("2026-11-02T17:00Z");

    // Nominal times for 3 d / 1 d / 3 h: Fri 10-30 17:00Z, Sun 11-01 17:00Z, Mon 11-02 14:00Z.
    // Offsets in force then: New York EDT -4 until 11-01 06:00Z then EST -5; Berlin CEST +2 until
    // 10-25 01:00Z then CET +1; Tokyo +9; Sydney AEDT +11; Auckland NZDT +13.
    public static TheoryData<string, PlannedReminder[]> Plans => new()
    {
        {
            // 3 d: Fri 13:00 EDT, allowed. 1 d: Sun 12:00 EST, weekend → Mon 08:00 EST = 13:00Z.
            // 3 h: Mon 09:00 EST, allowed.
            "America/New_York",
            [
                new(0, Utc.At("2026-10-30T17:00Z"), TimeSpan.FromDays(3)),
                new(1, Utc.At("2026-11-02T13:00Z"), TimeSpan.FromDays(1)),
                new(2, Utc.At("2026-11-02T14:00Z"), TimeSpan.FromHours(3)),
            ]
        },
        {
            // 3 d: Fri 18:00 CET, allowed. 1 d: Sun 18:00 CET → Mon 08:00 CET = 07:00Z. 3 h: Mon 15:00 CET.
            "Europe/Berlin",
            [
                new(0, Utc.At("2026-10-30T17:00Z"), TimeSpan.FromDays(3)),
                new(1, Utc.At("2026-11-02T07:00Z"), TimeSpan.FromDays(1)),
                new(2, Utc.At("2026-11-02T14:00Z"), TimeSpan.FromHours(3)),
            ]
        },
        {
            // 3 d: Sat 02:00 JST → Mon 08:00 JST = Sun 23:00Z. 1 d: Mon 02:00 JST → the same: merged.
            // 3 h: Mon 23:00 JST → Tue 08:00 is past the deadline → Mon 19:59 JST = 10:59Z.
            "Asia/Tokyo",
            [
                new(0, Utc.At("2026-11-01T23:00Z"), TimeSpan.FromDays(3)),
                new(2, Utc.At("2026-11-02T10:59Z"), TimeSpan.FromHours(3)),
            ]
        },
        {
            // 3 d: Sat 04:00 AEDT → Mon 08:00 AEDT = Sun 21:00Z. 1 d: Mon 04:00 → the same: merged.
            // 3 h: Tue 01:00 AEDT → Tue 08:00 too late → Mon 19:59 AEDT = 08:59Z.
            "Australia/Sydney",
            [
                new(0, Utc.At("2026-11-01T21:00Z"), TimeSpan.FromDays(3)),
                new(2, Utc.At("2026-11-02T08:59Z"), TimeSpan.FromHours(3)),
            ]
        },
        {
            // 3 d: Sat 06:00 NZDT → Mon 08:00 NZDT = Sun 19:00Z. 1 d: Mon 06:00 → the same: merged.
            // 3 h: Tue 03:00 NZDT → Tue 08:00 too late → Mon 19:59 NZDT = 06:59Z.
            "Pacific/Auckland",
            [
                new(0, Utc.At("2026-11-01T19:00Z"), TimeSpan.FromDays(3)),
                new(2, Utc.At("2026-11-02T06:59Z"), TimeSpan.FromHours(3)),
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public void Plan_DefaultPolicy_ExactRemindersPerTimeZone(string timeZone, PlannedReminder[] expected)
    {
        var plan = ReminderPlanner.Plan(Deadline, ReminderPolicy.Default, timeZone, Circulated);

        Assert.Equal(expected, plan);
    }

    [Fact]
    public void Campaign_TenDaysWithSignOnsAndSnoozes_SendsExactlyTheseReminders()
    {
        var time = new FakeTimeProvider(Circulated);
        var campaign = new Campaign(time, Deadline);
        foreach (var zone in new[] { "America/New_York", "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney", "Pacific/Auckland" })
        {
            campaign.Circulate(zone);
        }

        // New York presses "remind me tomorrow" on the circulation message, Fri 10:00 EDT: Sat is
        // weekend → Mon 10-26 08:00 EDT = 12:00Z. Berlin does the same at Fri 16:00 CEST → Mon
        // 08:00 after the EU change, CET = 07:00Z (it would have been 06:00Z a week earlier).
        campaign.At(Circulated, () => Assert.Equal(Utc.At("2026-10-26T12:00Z"), campaign.Snooze("America/New_York")));
        campaign.At(Circulated, () => Assert.Equal(Utc.At("2026-10-26T07:00Z"), campaign.Snooze("Europe/Berlin")));

        // Berlin signs on Sunday; Tokyo right after its first reminder.
        campaign.At(Utc.At("2026-11-01T10:00Z"), () => campaign.SignOn("Europe/Berlin"));
        campaign.At(Utc.At("2026-11-02T00:30Z"), () => campaign.SignOn("Asia/Tokyo"));

        // Auckland snoozes its first reminder at Mon 08:30 NZDT: Tue 08:30 NZDT = 11-02T19:30Z is after
        // the deadline, so the bot must refuse rather than promise a reminder it cannot send.
        campaign.At(Utc.At("2026-11-01T19:30Z"), () => Assert.Null(campaign.Snooze("Pacific/Auckland")));

        // Minute steps, like a worker polling every minute: a fake timer fires at the end of the step
        // that reaches it, so the step is the resolution of the times recorded below.
        while (time.GetUtcNow() < Deadline.AddHours(1))
        {
            time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(
            [
                new Sent("Europe/Berlin", Utc.At("2026-10-26T07:00Z"), "snooze"),
                new Sent("America/New_York", Utc.At("2026-10-26T12:00Z"), "snooze"),
                new Sent("America/New_York", Utc.At("2026-10-30T17:00Z"), "reminder 0"),
                new Sent("Europe/Berlin", Utc.At("2026-10-30T17:00Z"), "reminder 0"),
                new Sent("Pacific/Auckland", Utc.At("2026-11-01T19:00Z"), "reminder 0"),
                new Sent("Australia/Sydney", Utc.At("2026-11-01T21:00Z"), "reminder 0"),
                new Sent("Asia/Tokyo", Utc.At("2026-11-01T23:00Z"), "reminder 0"),
                new Sent("Pacific/Auckland", Utc.At("2026-11-02T06:59Z"), "reminder 2"),
                // Berlin's 07:00Z and 14:00Z reminders: signed on. Tokyo's 10:59Z: signed on.
                new Sent("Australia/Sydney", Utc.At("2026-11-02T08:59Z"), "reminder 2"),
                new Sent("America/New_York", Utc.At("2026-11-02T13:00Z"), "reminder 1"),
                new Sent("America/New_York", Utc.At("2026-11-02T14:00Z"), "reminder 2"),
            ],
            campaign.Log.OrderBy(sent => sent.At).ThenBy(sent => sent.Recipient, StringComparer.Ordinal));
    }

    private sealed record Sent(string Recipient, DateTimeOffset At, string What);

    /// <summary>A stand-in for the reminder worker: one timer per planned reminder, skipped once the partner answered.</summary>
    private sealed class Campaign(FakeTimeProvider time, DateTimeOffset deadline)
    {
        private readonly HashSet<string> answered = [];
        private readonly List<ITimer> timers = [];

        public List<Sent> Log { get; } = [];

        // Recipients are named by their time zone: one contact per zone keeps the expectations readable.
        public void Circulate(string recipient)
        {
            foreach (var reminder in ReminderPlanner.Plan(deadline, ReminderPolicy.Default, recipient, time.GetUtcNow()))
            {
                Remind(recipient, reminder.DueUtc, $"reminder {reminder.Index}");
            }
        }

        public DateTimeOffset? Snooze(string recipient)
        {
            var due = ReminderPlanner.Snooze(time.GetUtcNow(), recipient, QuietHours.Default, deadline);
            if (due is { } dueUtc)
            {
                Remind(recipient, dueUtc, "snooze");
            }

            return due;
        }

        public void SignOn(string recipient) => answered.Add(recipient);

        public void At(DateTimeOffset when, Action action) =>
            timers.Add(time.CreateTimer(_ => action(), null, when - time.GetUtcNow(), Timeout.InfiniteTimeSpan));

        private void Remind(string recipient, DateTimeOffset due, string what) =>
            At(due, () =>
            {
                if (!answered.Contains(recipient))
                {
                    Log.Add(new Sent(recipient, time.GetUtcNow(), what));
                }
            });
    }
}
