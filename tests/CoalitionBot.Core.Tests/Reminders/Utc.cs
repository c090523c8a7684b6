using System.Globalization;

namespace CoalitionBot.Core.Tests.Reminders;

/// <summary>Readable instants for expectations written by hand: <c>Utc.At("2026-11-02T13:00Z")</c>.</summary>
internal static class Utc
{
    public static DateTimeOffset At(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();
}
