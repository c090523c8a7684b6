namespace CoalitionBot.Core.Reminders;

/// <summary>Local times at which a person is not to be messaged: a daily window (may wrap midnight) and, optionally, weekends.</summary>
public sealed record QuietHours
{
    /// <summary>The usual evening-to-morning window, 20:00–08:00 local, with Saturday and Sunday quiet.</summary>
    public static QuietHours Default { get; } = new();

    /// <summary>Nothing is quiet.</summary>
    public static QuietHours None { get; } = new() { Start = TimeOnly.MinValue, End = TimeOnly.MinValue, WeekendsQuiet = false };

    /// <summary>Local time at which quiet begins (inclusive).</summary>
    public TimeOnly Start { get; init; } = new(20, 0);

    /// <summary>Local time at which quiet ends (exclusive); earlier than <see cref="Start"/> means the window wraps midnight; equal means no daily window.</summary>
    public TimeOnly End { get; init; } = new(8, 0);

    /// <summary>Whether all of Saturday and Sunday are quiet.</summary>
    public bool WeekendsQuiet { get; init; } = true;

    // Moving a reminder earlier lands this long before quiet begins, a whole minute so that no
    // rounding downstream can push it back into quiet time.
    internal static readonly TimeSpan EarlierMargin = TimeSpan.FromMinutes(1);

    /// <summary>Whether a person whose wall clock shows <paramref name="local"/> is in quiet time.</summary>
    public bool IsQuiet(DateTime local)
    {
        if (WeekendsQuiet && local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return true;
        }

        var time = TimeOnly.FromDateTime(local);
        if (Start == End)
        {
            return false;
        }

        return Start < End
            ? time >= Start && time < End
            : time >= Start || time < End;
    }

    /// <summary>Whether <paramref name="instant"/> is quiet for someone in the IANA zone <paramref name="timeZoneId"/>.</summary>
    public bool IsQuiet(DateTimeOffset instant, string timeZoneId) =>
        IsQuiet(ZoneClock.ToLocal(instant, ZoneClock.Find(timeZoneId)));

    /// <summary>The first instant at or after <paramref name="instant"/> that is not quiet in the IANA zone <paramref name="timeZoneId"/>.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset instant, string timeZoneId) =>
        NextAllowed(instant, ZoneClock.Find(timeZoneId));

    internal DateTimeOffset NextAllowed(DateTimeOffset instant, TimeZoneInfo zone)
    {
        instant = instant.ToUniversalTime();
        var local = ZoneClock.ToLocal(instant, zone);
        if (!IsQuiet(local))
        {
            return instant;
        }

        // Quiet can only end where the daily window ends or where a weekend day ends, so the answer
        // is the earliest such boundary after `instant` that is itself allowed. A week and a day of
        // boundaries always contains one, because at most two days a week are wholly quiet.
        DateTimeOffset? best = null;
        foreach (var candidate in Boundaries(local.Date.AddDays(-1), local.Date.AddDays(9), End, zone))
        {
            if (candidate > instant && (best is null || candidate < best) && !IsQuiet(ZoneClock.ToLocal(candidate, zone)))
            {
                best = candidate;
            }
        }

        return best ?? throw new InvalidOperationException("Quiet hours leave no allowed time within a week.");
    }

    /// <summary>
    /// The latest allowed instant at or before <paramref name="instant"/>: the instant itself when it is
    /// allowed, otherwise one minute before the quiet time containing it began.
    /// </summary>
    public DateTimeOffset LatestAllowedAtOrBefore(DateTimeOffset instant, string timeZoneId) =>
        LatestAllowedAtOrBefore(instant, ZoneClock.Find(timeZoneId));

    internal DateTimeOffset LatestAllowedAtOrBefore(DateTimeOffset instant, TimeZoneInfo zone)
    {
        instant = instant.ToUniversalTime();
        var local = ZoneClock.ToLocal(instant, zone);
        if (!IsQuiet(local))
        {
            return instant;
        }

        // Mirror of NextAllowed: quiet can only begin at the daily start or at a weekend midnight.
        DateTimeOffset? best = null;
        foreach (var boundary in Boundaries(local.Date.AddDays(-9), local.Date.AddDays(1), Start, zone))
        {
            var candidate = boundary - EarlierMargin;
            if (candidate <= instant && (best is null || candidate > best) && !IsQuiet(ZoneClock.ToLocal(candidate, zone)))
            {
                best = candidate;
            }
        }

        return best ?? throw new InvalidOperationException("Quiet hours leave no allowed time within a week.");
    }

    private static IEnumerable<DateTimeOffset> Boundaries(DateTime firstDay, DateTime lastDay, TimeOnly daily, TimeZoneInfo zone)
    {
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            foreach (var instant in ZoneClock.Instants(day, zone))
            {
                yield return instant;
            }

            foreach (var instant in ZoneClock.Instants(day + daily.ToTimeSpan(), zone))
            {
                yield return instant;
            }
        }
    }
}
