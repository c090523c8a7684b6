using System.Globalization;
using CoalitionBot.Core.Domain;

namespace CoalitionBot.Core.Reminders;

/// <summary>Reads a coalition's and a memo's reminder settings into a <see cref="ReminderPolicy"/>; parses and formats "3d 1d 3h".</summary>
public static class ReminderSettings
{
    /// <summary>How long after an organisation's last reminder its other contacts are asked.</summary>
    public static readonly TimeSpan EscalationDelay = TimeSpan.FromHours(1);

    /// <summary>A digest more than this late (the bot was down) is skipped rather than sent at an odd hour.</summary>
    public static readonly TimeSpan DigestStaleAfter = TimeSpan.FromHours(6);

    public static QuietHours QuietHoursOf(Coalition coalition) =>
        new() { Start = coalition.QuietStart, End = coalition.QuietEnd, WeekendsQuiet = coalition.QuietWeekends };

    public static ReminderPolicy PolicyFor(Coalition coalition, Memo memo) => new()
    {
        Offsets = TryParseOffsets(memo.ReminderOffsets ?? coalition.ReminderOffsets, out var offsets) ? offsets : ReminderPolicy.Default.Offsets,
        QuietHours = QuietHoursOf(coalition),
    };

    /// <summary>Parses offsets such as "3d 1d 3h" or "2d, 90m": positive, at most ten, at most 60 days.</summary>
    public static bool TryParseOffsets(string? text, out IReadOnlyList<TimeSpan> offsets)
    {
        offsets = [];
        var parts = (text ?? "").Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 10)
        {
            return false;
        }

        var list = new List<TimeSpan>();
        foreach (var part in parts)
        {
            var unit = char.ToLowerInvariant(part[^1]);
            if (!int.TryParse(part[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
            {
                return false;
            }

            TimeSpan? offset = unit switch
            {
                'd' => TimeSpan.FromDays(n),
                'h' => TimeSpan.FromHours(n),
                'm' => TimeSpan.FromMinutes(n),
                _ => null,
            };
            if (offset is not { } o || o > TimeSpan.FromDays(60))
            {
                return false;
            }

            list.Add(o);
        }

        offsets = list.Distinct().OrderDescending().ToList();
        return true;
    }

    public static string FormatOffsets(IEnumerable<TimeSpan> offsets) => string.Join(" ", offsets.Select(Format));

    public static string Format(TimeSpan offset) =>
        offset.TotalDays == Math.Floor(offset.TotalDays) ? $"{offset.TotalDays:0}d"
        : offset.TotalHours == Math.Floor(offset.TotalHours) ? $"{offset.TotalHours:0}h"
        : $"{offset.TotalMinutes:0}m";

    public static string Describe(QuietHours quiet) =>
        (quiet.Start == quiet.End ? "no daily quiet hours" : $"{quiet.Start:HH\\:mm}–{quiet.End:HH\\:mm}")
        + (quiet.WeekendsQuiet ? " and weekends" : ", weekends not quiet");

    /// <summary>The latest instant at or before <paramref name="nowUtc"/> at which the wall clock in the zone showed <paramref name="localTime"/>, by <see cref="ReminderPlanner.NextDigest"/>'s rules.</summary>
    public static DateTimeOffset LatestDigestAtOrBefore(TimeOnly localTime, string timeZone, DateTimeOffset nowUtc)
    {
        var candidate = ReminderPlanner.NextDigest(localTime, timeZone, nowUtc.AddDays(-3));
        while (true)
        {
            var next = ReminderPlanner.NextDigest(localTime, timeZone, candidate);
            if (next > nowUtc)
            {
                return candidate;
            }

            candidate = next;
        }
    }
}
