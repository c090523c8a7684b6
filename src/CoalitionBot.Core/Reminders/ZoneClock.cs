namespace CoalitionBot.Core.Reminders;

/// <summary>Wall-clock arithmetic in an IANA time zone that stays honest across daylight-saving changes.</summary>
internal static class ZoneClock
{
    public static TimeZoneInfo Find(string timeZoneId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        return TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
    }

    /// <summary>The wall-clock time a person in <paramref name="zone"/> sees at <paramref name="instant"/>.</summary>
    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);

    /// <summary>
    /// Every instant at which the wall clock first shows <paramref name="local"/> or later, in order:
    /// one for an ordinary time, two in a fall-back overlap, and for a time skipped by a spring-forward
    /// gap the instant the clocks jump (the first existing wall time after it).
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> Instants(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return [GapEnd(local, zone)];
        }

        if (zone.IsAmbiguousTime(local))
        {
            return zone.GetAmbiguousTimeOffsets(local)
                .Select(offset => new DateTimeOffset(local, offset).ToUniversalTime())
                .Distinct()
                .Order()
                .ToArray();
        }

        return [new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime()];
    }

    /// <summary>The first instant at which the wall clock shows <paramref name="local"/> or later.</summary>
    public static DateTimeOffset Earliest(DateTime local, TimeZoneInfo zone) => Instants(local, zone)[0];

    // The clock jumps over `local`; find the jump by bisection between the two readings of the wall
    // time under the offsets either side, where wall time is monotonic.
    private static DateTimeOffset GapEnd(DateTime local, TimeZoneInfo zone)
    {
        var probe = new DateTimeOffset(local - zone.BaseUtcOffset, TimeSpan.Zero);
        var before = zone.GetUtcOffset(probe.AddHours(-12));
        var after = zone.GetUtcOffset(probe.AddHours(12));
        var low = new DateTimeOffset(local - Max(before, after), TimeSpan.Zero).UtcTicks;
        var high = new DateTimeOffset(local - Min(before, after), TimeSpan.Zero).UtcTicks;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (ToLocal(new DateTimeOffset(mid, TimeSpan.Zero), zone) >= local)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return new DateTimeOffset(low, TimeSpan.Zero);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
