using System.Globalization;
using CoalitionBot.Core.Domain;

namespace CoalitionBot.Core.Features;

/// <summary>Reads a new memo's deadline from the one-line `new` or the new-memo form (typed text or a date picker's instant).</summary>
internal static class MemoDeadline
{
    private static readonly string[] DeadlineFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd"];

    /// <summary>
    /// The deadline is a wall-clock time in the chosen zone. A date picker (Slack's) sends the instant it showed in the
    /// submitter's own zone <paramref name="pickerZone"/>: its wall-clock there is what they picked, read again in <paramref name="timeZone"/>.
    /// </summary>
    public static DateTimeOffset? Parse(FormValues values, string timeZone, string? pickerZone, DateTimeOffset now)
    {
        var raw = (values.Raw("deadline") ?? "").Trim();
        if (raw.Length == 0)
        {
            values.Error("deadline", "Please give a deadline, for example 2026-12-15 17:00.");
            return null;
        }

        var zone = TimeZones.IsKnown(timeZone) ? timeZone : "UTC";
        DateTimeOffset utc;
        if (raw.Length > 16 && raw[10] == 'T' && DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant)
            && (raw.EndsWith('Z') || raw[^6] is '+' or '-'))
        {
            var shown = TimeZoneInfo.ConvertTime(instant, TimeZones.Find(pickerZone is not null && TimeZones.IsKnown(pickerZone) ? pickerZone : zone));
            utc = TimeZones.ToUtc(shown.DateTime, zone);
        }
        else if (!DateTime.TryParseExact(raw, DeadlineFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            values.Error("deadline", $"\"{Memos.Shorten(raw)}\" is not a date I can read. Write it as yyyy-MM-dd HH:mm, for example 2026-12-15 17:00.");
            return null;
        }
        else
        {
            if (raw.Length == 10)
            {
                local = local.AddHours(23).AddMinutes(59); // a date alone means the end of that day
            }

            utc = TimeZones.ToUtc(local, zone);
        }

        if (utc <= now)
        {
            values.Error("deadline", "The deadline must be in the future.");
        }

        return utc;
    }
}
