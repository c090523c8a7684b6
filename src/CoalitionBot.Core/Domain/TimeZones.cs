namespace CoalitionBot.Core.Domain;

/// <summary>IANA time zone look-ups and local-time formatting.</summary>
public static class TimeZones
{
    public static bool IsKnown(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    public static TimeZoneInfo Find(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var tz) ? tz : TimeZoneInfo.Utc;

    /// <summary>"Fri 4 Dec 2026, 17:00 (Europe/Berlin)".</summary>
    public static string Describe(DateTimeOffset utc, string? timeZone)
    {
        var tz = Find(timeZone);
        var local = TimeZoneInfo.ConvertTime(utc, tz);
        return local.ToString("ddd d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture) + $" ({tz.Id})";
    }

    /// <summary>Converts a local wall-clock time in a zone to UTC (an invalid time in a DST gap moves forward an hour).</summary>
    public static DateTimeOffset ToUtc(DateTime local, string timeZone)
    {
        var tz = Find(timeZone);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (tz.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, tz), TimeSpan.Zero);
    }
}
